-- Ratings on the continua (partnership, helpfulness, support design cycle, coherence). Append-only: the latest
-- row per (space, continuum, subject, rater role) is the current rating, the rest is its history.
create table continuum_ratings (
  id            uuid primary key default gen_random_uuid(),
  space_id      uuid not null references spaces (id),
  continuum     text not null check (length(continuum) between 1 and 40),
  subject       text not null check (length(subject) between 1 and 200),
  rater_role    text not null check (rater_role in ('self', 'provider', 'receiver')),
  current_level integer not null check (current_level >= 1),
  target_level  integer not null check (target_level >= 1),
  checked       jsonb not null default '[]',
  note          text not null default '' check (length(note) <= 2000),
  rated_by      uuid not null references users (id),
  rated_at      timestamptz not null default now()
);
create index continuum_ratings_space_idx on continuum_ratings (space_id, continuum, rated_at);
