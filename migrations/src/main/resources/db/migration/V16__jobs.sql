-- Work that must happen once however many servers run (reminders, digests, purges). A server runs a job only after
-- moving its due_at past now in one update; another server's update of the same row then finds it not yet due.
create table jobs (
  name        text primary key,
  due_at      timestamptz not null,
  started_at  timestamptz,
  started_by  text,
  finished_at timestamptz
);
