-- Why a held meeting's attendance was corrected: kept with the record, as the event log keeps it too.
alter table attendance add column reason text check (length(reason) between 1 and 2000);
