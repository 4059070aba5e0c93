-- Discussion protocols: the built-in library (owner_space_id null) and the ones spaces write or copy.
-- A protocol's content lives in immutable versions, so a run can keep the version it ran.
create table protocols (
  id uuid primary key,
  owner_space_id uuid references spaces (id),
  copied_from uuid references protocols (id),
  name text not null,
  archived boolean not null default false,
  created_at timestamptz not null default now()
);
create index protocols_owner on protocols (owner_space_id);

create table protocol_versions (
  protocol_id uuid not null references protocols (id),
  version integer not null check (version >= 1),
  content jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (protocol_id, version)
);

-- Versions are never changed once written.
create function protocol_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'protocol versions are immutable';
end $$;
create trigger protocol_versions_no_update before update or delete on protocol_versions
  for each row execute function protocol_versions_immutable();
