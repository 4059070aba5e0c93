-- A snapshot taken today at the team's current seq is the team's score now: the roll-up reads it instead of
-- reading and scoring every team's history. seq: the history's seq it was scored from; summary: the few figures the
-- roll-up shows (a whole score is many times larger, and reading a thousand of them is most of a roll-up's time).
alter table culture_snapshots add column seq bigint, add column summary jsonb;
