-- Sign-in through an OpenID Connect provider. A started sign-in is kept here, not in the browser, so its state is
-- single use, expires, and is known to every server: the callback deletes the row it redeems.
create table oidc_states (
  state_hash    bytea primary key,
  provider      text not null,
  nonce         text not null,
  code_verifier text not null,
  next_path     text not null,
  expires_at    timestamptz not null
);
create index oidc_states_expiry on oidc_states (expires_at);

-- Which provider account a user signs in with: matched by subject after the first sign-in, which matched by email.
create table user_identities (
  provider   text not null,
  subject    text not null,
  user_id    uuid not null references users (id) on delete cascade,
  email      text not null,
  created_at timestamptz not null default now(),
  primary key (provider, subject)
);
create index user_identities_user on user_identities (user_id);
