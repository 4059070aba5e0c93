-- Email. Every message goes through the outbox: a scan or a request inserts it (once: the unique key names what it
-- is about and for whom), and whichever server claims it with FOR UPDATE SKIP LOCKED sends it.
create table mail_outbox (
  id           uuid primary key default gen_random_uuid(),
  -- invitation, password-reset, agenda, reminder, action-due, action-overdue, digest
  kind         text not null,
  -- The meeting, action item, invitation or user the message is about.
  subject_id   uuid not null,
  -- The user, or for an invitation the lower-cased address.
  recipient    text not null,
  -- Which time it is about: a meeting's start, a due date, a week. A new occasion is a new message.
  occasion     text not null,
  to_address   text not null,
  title        text not null,
  text_body    text not null,
  html_body    text not null,
  unsubscribe  text,
  created_at   timestamptz not null default now(),
  claimed_at   timestamptz,
  attempts     integer not null default 0,
  sent_at      timestamptz,
  failed_at    timestamptz,
  last_error   text,
  unique (kind, subject_id, recipient, occasion)
);
create index mail_outbox_pending on mail_outbox (created_at) where sent_at is null and failed_at is null;

-- What each user wants by email; no row means everything on.
create table notification_settings (
  user_id    uuid primary key references users (id) on delete cascade,
  meetings   boolean not null default true,
  actions    boolean not null default true,
  digest     boolean not null default true,
  updated_at timestamptz not null default now()
);

-- The key unsubscribe links are signed with, made once and shared by every server.
create table mail_keys (
  id     integer primary key check (id = 1),
  secret bytea not null
);

-- A password reset link: its token's digest, single use (deleted when redeemed) and short-lived.
create table password_resets (
  token_hash bytea primary key,
  user_id    uuid not null references users (id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index password_resets_user on password_resets (user_id);

-- How long before a meeting its members are reminded, chosen by the team; null sends no automatic reminder.
alter table spaces add column reminder_lead_minutes integer default 1440 check (reminder_lead_minutes between 5 and 20160);
