-- When an invitation was last accepted: a used-up one is purged a while after its last use, not a year later when it
-- expires. Older rows have none; the purge counts from their creation instead.
alter table invitations add column last_used_at timestamptz;
