-- The live boards of a space: its charter (norms, agreements, goals), action items and meetings, holding every
-- field of the team-history format so that a team run in Cadre scores exactly like an imported one.

-- People named in an imported history who have no account yet: they hold memberships and appear in meetings, and
-- registering with their email later claims the account.
alter table users alter column password_hash drop not null;

-- Memberships an import gave to such people grant nothing until a lead of the team confirms them: registering
-- with an email proves nothing about owning it.
alter table memberships add column confirmed boolean not null default true;

-- Team settings the boards and the culture score read.
alter table spaces
  add column time_zone text not null default 'UTC' check (length(time_zone) between 1 and 64),
  add column cadence_days integer check (cadence_days between 1 and 365),
  add column leader_selection_method text check (length(leader_selection_method) between 1 and 200),
  add column leader_selected_at timestamptz;

create table norms (
  id         uuid primary key default gen_random_uuid(),
  space_id   uuid not null references spaces (id),
  text       text not null check (length(text) between 1 and 2000),
  rank       text not null,
  retired_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index norms_space_idx on norms (space_id, rank, id);

create table goals (
  id          uuid primary key default gen_random_uuid(),
  space_id    uuid not null references spaces (id),
  title       text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 10000),
  revision    integer not null default 1,
  created_by  uuid references users (id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index goals_space_idx on goals (space_id);

-- Every revision of a goal, the current one included.
create table goal_revisions (
  goal_id     uuid not null references goals (id),
  revision    integer not null,
  title       text not null,
  description text not null,
  edited_by   uuid references users (id),
  edited_at   timestamptz not null default now(),
  primary key (goal_id, revision)
);

create table meetings (
  id                  uuid primary key default gen_random_uuid(),
  space_id            uuid not null references spaces (id),
  series_id           uuid,
  title               text not null check (length(title) between 1 and 200),
  status              text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled')),
  starts_at           timestamptz not null,
  ends_at             timestamptz not null check (ends_at > starts_at),
  location            text not null default '' check (length(location) <= 200),
  facilitator_id      uuid references users (id),
  agenda_published_at timestamptz,
  reminder_sent_at    timestamptz,
  norms_reviewed      boolean not null default false,
  debrief_held        boolean not null default false,
  notes               text not null default '' check (length(notes) <= 20000),
  created_by          uuid references users (id),
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index meetings_space_idx on meetings (space_id, starts_at);
create index meetings_series_idx on meetings (series_id) where series_id is not null;

create table agenda_items (
  id             uuid primary key default gen_random_uuid(),
  space_id       uuid not null references spaces (id),
  meeting_id     uuid not null references meetings (id),
  rank           text not null,
  title          text not null check (length(title) between 1 and 200),
  notes          text not null default '' check (length(notes) <= 20000),
  minutes        integer check (minutes between 0 and 1440),
  focus          text not null default 'other' check (focus in ('student-outcomes', 'support', 'business', 'other')),
  kind           text not null default 'other' check (kind in ('data-review', 'strategy-share', 'share-successes-challenges',
                   'peer-review', 'planning', 'business', 'other')),
  goal_id        uuid references goals (id),
  presenter_id   uuid references users (id),
  under_protocol boolean not null default false,
  -- [{type, title, link}]: small, always read with the item.
  data_artifacts jsonb not null default '[]',
  outcome        text check (outcome in ('achieved', 'partial', 'not-achieved')),
  deleted_at     timestamptz,
  created_by     uuid references users (id),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index agenda_items_meeting_idx on agenda_items (meeting_id, rank, id);

create table agreements (
  id                uuid primary key default gen_random_uuid(),
  space_id          uuid not null references spaces (id),
  title             text not null check (length(title) between 1 and 200),
  description       text not null default '' check (length(description) <= 10000),
  kind              text not null check (kind in ('agreement', 'policy')),
  status            text not null default 'discussed' check (status in ('discussed', 'outlined', 'adopted', 'retired')),
  adopted_at        timestamptz,
  review_every_days integer check (review_every_days between 1 and 3660),
  created_by        uuid references users (id),
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index agreements_space_idx on agreements (space_id);

create table agreement_reviews (
  id              uuid primary key default gen_random_uuid(),
  space_id        uuid not null references spaces (id),
  agreement_id    uuid not null references agreements (id),
  meeting_id      uuid references meetings (id),
  at              timestamptz not null,
  disparity_check boolean not null default false,
  note            text not null default '' check (length(note) <= 2000),
  recorded_by     uuid references users (id)
);
create index agreement_reviews_agreement_idx on agreement_reviews (agreement_id, at);

create table attendance (
  meeting_id    uuid not null references meetings (id),
  user_id       uuid not null references users (id),
  status        text not null check (status in ('present', 'late', 'absent', 'excused')),
  checked_in_at timestamptz,
  marked_by     uuid references users (id),
  marked_at     timestamptz not null default now(),
  primary key (meeting_id, user_id)
);

create table decisions (
  id             uuid primary key default gen_random_uuid(),
  space_id       uuid not null references spaces (id),
  meeting_id     uuid not null references meetings (id),
  agenda_item_id uuid references agenda_items (id),
  text           text not null check (length(text) between 1 and 10000),
  kind           text not null default 'other' check (kind in ('implication', 'goal-adjustment', 'strategy-adjustment',
                   'agreement', 'policy', 'other')),
  method         text not null default 'unrecorded' check (method in ('consensus', 'consent', 'vote', 'fist-to-five',
                   'leader', 'unrecorded')),
  discussed      boolean not null default false,
  goal_id        uuid references goals (id),
  created_by     uuid references users (id),
  created_at     timestamptz not null default now()
);
create index decisions_meeting_idx on decisions (meeting_id, created_at);

create table feedback (
  id          uuid primary key default gen_random_uuid(),
  space_id    uuid not null references spaces (id),
  meeting_id  uuid not null references meetings (id),
  giver_id    uuid not null references users (id),
  receiver_id uuid references users (id),
  kind        text not null check (kind in ('warm', 'critical', 'probing-question')),
  note        text not null default '' check (length(note) <= 2000),
  created_at  timestamptz not null default now()
);
create index feedback_meeting_idx on feedback (meeting_id, created_at);

create table protocol_runs (
  id              uuid primary key default gen_random_uuid(),
  space_id        uuid not null references spaces (id),
  meeting_id      uuid not null references meetings (id),
  protocol        text not null check (length(protocol) between 1 and 200),
  category        text not null check (category in ('data', 'instruction', 'planning', 'reflection', 'other')),
  steps_completed integer not null default 0 check (steps_completed >= 0),
  steps_total     integer not null check (steps_total between 0 and 1000 and steps_completed <= steps_total),
  created_at      timestamptz not null default now()
);
create index protocol_runs_meeting_idx on protocol_runs (meeting_id, created_at);

create table equity_analyses (
  id          uuid primary key default gen_random_uuid(),
  space_id    uuid not null references spaces (id),
  meeting_id  uuid references meetings (id),
  level       text not null check (level in ('personal', 'institutional', 'societal')),
  at          timestamptz not null,
  note        text not null default '' check (length(note) <= 2000),
  recorded_by uuid references users (id)
);
create index equity_analyses_space_idx on equity_analyses (space_id, at);

create table action_items (
  id                uuid primary key default gen_random_uuid(),
  space_id          uuid not null references spaces (id),
  rank              text not null,
  title             text not null check (length(title) between 1 and 200),
  description       text not null default '' check (length(description) <= 10000),
  owner_id          uuid references users (id),
  claimed_by_owner  boolean not null default false,
  due_date          date,
  status            text not null default 'open' check (status in ('open', 'in-progress', 'done', 'dropped')),
  origin            text not null default 'other' check (origin in ('root-cause', 'incident', 'other')),
  tags              text[] not null default '{}',
  scope             text not null default 'team' check (scope in ('team', 'organization', 'cross-organization')),
  meeting_id        uuid references meetings (id),
  agenda_item_id    uuid references agenda_items (id),
  impact_report     text not null default '' check (length(impact_report) <= 10000),
  completed_at      timestamptz,
  deleted_at        timestamptz,
  created_by        uuid references users (id),
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index action_items_space_idx on action_items (space_id, rank, id);
create index action_items_meeting_idx on action_items (meeting_id) where meeting_id is not null;
