-- A recurring series' rule, kept so that calendar feeds can say "every 2nd Tuesday at 16:00 in America/Chicago"
-- (an RRULE) rather than list the occurrences one by one. The occurrences stay rows of meetings, each editable on
-- its own; series_start is the start the rule gave an occurrence, kept when the occurrence moves, so a feed can
-- name it (RECURRENCE-ID). Series created before this migration have no rule: their meetings stay single events.
create table meeting_series (
  id               uuid primary key,
  space_id         uuid not null references spaces (id),
  frequency        text not null check (frequency in ('weekly', 'monthly', 'monthly-weekday')),
  every            integer not null check (every between 1 and 12),
  count            integer not null check (count between 1 and 104),
  first_start      timestamptz not null,
  time_zone        text not null check (length(time_zone) between 1 and 64),
  duration_seconds integer not null check (duration_seconds > 0),
  title            text not null,
  location         text not null default '',
  created_at       timestamptz not null default now()
);
create index meeting_series_space_idx on meeting_series (space_id);

alter table meetings add column series_start timestamptz;

-- The secret of a calendar feed: a person's own (space_id null: every team they may read) or one team's, as they
-- see it. Calendar apps cannot send cookies, so the URL carries the secret; only its SHA-256 digest is kept.
-- Access is checked on every fetch, as the owner's rights are then.
create table calendar_feeds (
  id           uuid primary key default gen_random_uuid(),
  user_id      uuid not null references users (id) on delete cascade,
  space_id     uuid references spaces (id),
  token_hash   bytea not null unique,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz
);
create unique index calendar_feeds_owner_idx on calendar_feeds (user_id, coalesce(space_id, '00000000-0000-0000-0000-000000000000'));
