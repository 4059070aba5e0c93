-- The seq of the history a snapshot was scored from. A snapshot taken today at the team's current seq is the
-- team's score now: the roll-up reads it instead of reading and scoring every team's history.
alter table culture_snapshots add column seq bigint;
