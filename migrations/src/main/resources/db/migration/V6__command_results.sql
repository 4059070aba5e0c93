-- The first result of each command a client sent with an idempotency key (commandId), so that a retry, on any
-- server, answers it instead of applying the command again. Written in the same transaction as the change; the
-- primary key makes a concurrent duplicate lose. Rows older than 7 days are ignored and purged lazily, a user's
-- own on each insert.
create table command_results (
  user_id uuid not null references users (id) on delete cascade,
  command_id text not null check (length(command_id) between 1 and 100),
  command_type text not null,
  reply jsonb not null,
  created_at timestamptz not null default now(),
  primary key (user_id, command_id)
);
