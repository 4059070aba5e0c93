-- Accounts, nested spaces with memberships and invitations, and the per-space event log.

create table organizations (
  id         uuid primary key default gen_random_uuid(),
  name       text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);
create unique index organizations_name_key on organizations (lower(name));

create table users (
  id              uuid primary key default gen_random_uuid(),
  email           text not null check (length(email) between 3 and 254),
  name            text not null check (length(name) between 1 and 100),
  password_hash   text not null,
  organization_id uuid not null references organizations (id),
  is_admin        boolean not null default false,
  created_at      timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

-- Session and API tokens are stored as SHA-256 digests: a leaked table grants nothing.
create table sessions (
  token_hash bytea primary key,
  user_id    uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id           uuid primary key default gen_random_uuid(),
  user_id      uuid not null references users (id) on delete cascade,
  name         text not null check (length(name) between 1 and 100),
  token_hash   bytea not null unique,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- Failed logins per account and per address, shared by every instance on this database.
create table login_failures (
  key          text primary key,
  failures     integer not null,
  window_start timestamptz not null
);

create table spaces (
  id          uuid primary key default gen_random_uuid(),
  parent_id   uuid references spaces (id),
  kind        text not null check (kind in ('network', 'district', 'site', 'team')),
  name        text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 2000),
  -- Ancestors then the space itself. Spaces never move, so the path never changes.
  path        uuid[] not null,
  -- Bumped by every change to the space; events carry it so clients can detect gaps.
  seq         bigint not null default 0,
  archived_at timestamptz,
  created_by  uuid references users (id),
  created_at  timestamptz not null default now()
);
create index spaces_parent_idx on spaces (parent_id);
create index spaces_path_idx on spaces using gin (path);

create table memberships (
  id         uuid primary key default gen_random_uuid(),
  space_id   uuid not null references spaces (id),
  user_id    uuid not null references users (id),
  role       text not null check (role in ('lead', 'member', 'partner', 'observer')),
  joined_at  timestamptz not null default now(),
  -- Kept after leaving: attendance and culture scoring need the roster as it was.
  left_at    timestamptz
);
create unique index memberships_current_key on memberships (space_id, user_id) where left_at is null;
create index memberships_user_idx on memberships (user_id) where left_at is null;

create table invitations (
  id         uuid primary key default gen_random_uuid(),
  space_id   uuid not null references spaces (id),
  token_hash bytea not null unique,
  role       text not null check (role in ('lead', 'member', 'partner', 'observer')),
  expires_at timestamptz not null,
  max_uses   integer not null check (max_uses between 1 and 1000),
  uses       integer not null default 0 check (uses <= max_uses),
  revoked_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index invitations_space_idx on invitations (space_id);

create table events (
  space_id uuid not null references spaces (id),
  seq      bigint not null,
  type     text not null,
  payload  jsonb not null,
  actor_id uuid references users (id),
  at       timestamptz not null default now(),
  primary key (space_id, seq)
);
