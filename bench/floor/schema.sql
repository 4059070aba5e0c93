-- The pgbench floor (bench/README.md): the same transaction shape as one edit, with no server in between.
drop table if exists floor_events;
drop table if exists floor_spaces;
create table floor_spaces (id integer primary key, name text not null, seq bigint not null default 0);
create table floor_events (space integer not null references floor_spaces (id), seq bigint not null, type text not null,
  payload jsonb not null, at timestamptz not null default now(), primary key (space, seq));
insert into floor_spaces (id, name) select g, 'space ' || g from generate_series(1, :spaces) g;
