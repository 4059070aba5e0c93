-- Collaborative Culture: members' ratings of continuum rows, and a weekly snapshot of every team's score.

-- Every rating is kept; a person's latest rating of a row is the one that counts.
create table ratings (
  id       uuid primary key default gen_random_uuid(),
  space_id uuid not null references spaces (id),
  row_id   text not null check (row_id in ('A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4',
             'C1', 'C2', 'C3', 'C4', 'C5', 'C6')),
  level    integer not null check (level between 1 and 3),
  user_id  uuid not null references users (id),
  note     text not null default '' check (length(note) <= 2000),
  at       timestamptz not null default now()
);
create index ratings_space_idx on ratings (space_id, at);

-- One row per team per ISO week (the Monday it starts), for trends.
create table culture_snapshots (
  space_id uuid not null references spaces (id),
  week     date not null,
  level    text not null,
  score    numeric(3, 2),
  result   jsonb not null,
  taken_at timestamptz not null default now(),
  primary key (space_id, week)
);
