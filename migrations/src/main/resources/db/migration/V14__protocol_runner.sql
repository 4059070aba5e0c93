-- The live protocol runner. A run keeps the protocol version it ran; the server owns its state and clock: the
-- current step, when that step last started running (null while paused or after the steps) and each step's
-- accumulated time. Runs recorded whole (history import, demo replay) have no protocol id and are finished.
alter table protocol_runs
  add column protocol_id      uuid,
  add column protocol_version integer,
  add column agenda_item_id   uuid references agenda_items (id),
  add column state            text not null default 'finished'
    check (state in ('running', 'paused', 'debrief', 'finished')),
  add column step_index       integer not null default 0 check (step_index >= 0),
  add column step_started_at  timestamptz,
  add column paused_at        timestamptz,
  add column started_at       timestamptz,
  add column ended_at         timestamptz,
  add column roles            jsonb not null default '{}',
  add column debrief          text not null default '' check (length(debrief) <= 10000),
  add column started_by       uuid references users (id),
  add constraint protocol_runs_version_fk foreign key (protocol_id, protocol_version)
    references protocol_versions (protocol_id, version),
  add constraint protocol_runs_version_both check ((protocol_id is null) = (protocol_version is null)),
  add constraint protocol_runs_clock check (state <> 'running' or step_started_at is not null);

-- One run at a time in a meeting.
create unique index protocol_runs_one_live on protocol_runs (meeting_id) where state <> 'finished';

-- Each step of a live run: the time spent in it (added up over every stretch it ran), the minutes it was
-- extended by, and its notes, co-edited like an agenda item's.
create table protocol_run_steps (
  run_id           uuid not null references protocol_runs (id),
  step_index       integer not null check (step_index >= 0),
  elapsed_ms       bigint not null default 0 check (elapsed_ms >= 0),
  extended_minutes integer not null default 0 check (extended_minutes between 0 and 600),
  notes            text not null default '' check (length(notes) <= 20000),
  primary key (run_id, step_index)
);
