-- Notifications (server/kernel/notify/): an outbox written in the sender's transaction, delivered by a job.

-- A time-ordered id made in SQL, for rows an `insert … select` makes by the thousand (one message per
-- recipient): the UUIDv7 layout of kernel/ids.ts — 48 bits of Unix milliseconds, then random bits.
create function gz_uuid_v7(at timestamptz) returns uuid language sql volatile as $$
  select encode(
    set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
      placing substring(int8send(floor(extract(epoch from at) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1),
    'hex')::uuid
$$;

-- One sending: what was said (a template and its data), to whom (resolved into messages), where and why.
create table notify_batches (
  street_id uuid not null,
  id uuid not null,
  template text not null,
  data jsonb not null default '{}',
  place_id uuid not null,
  -- The record the sending is about (a notice, a repair order), for "who was told about this".
  subject_type text,
  subject_id uuid,
  urgent boolean not null default false,
  channels text[] not null,
  recipients integer not null default 0,
  created_by uuid references accounts (id),
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index notify_batches_subject on notify_batches (subject_id) where subject_id is not null;
create index notify_batches_created on notify_batches (created_at desc);
comment on table notify_batches is 'distribution: street';

-- One message per recipient and channel. The in-app inbox is delivered by the sender's commit
-- (status 'sent' at once); SMS and WeChat wait for the delivery job.
create table notify_messages (
  street_id uuid not null,
  id uuid not null,
  batch_id uuid not null,
  account_id uuid not null references accounts (id),
  channel text not null check (channel in ('inbox', 'sms', 'wechat')),
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed', 'skipped', 'uncertain')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  -- The app process delivering it now (kernel/db/liveness.ts): a dead owner's claim is settled by another.
  owner_instance integer,
  claimed_at timestamptz,
  sent_at timestamptz,
  read_at timestamptz,
  -- Why it failed or was skipped: a provider's error code, 'muted', 'no_phone', 'no_consent'.
  error text,
  primary key (street_id, id),
  unique (street_id, batch_id, account_id, channel),
  foreign key (street_id, batch_id) references notify_batches (street_id, id)
);
create index notify_messages_due on notify_messages (next_attempt_at) where status = 'queued';
create index notify_messages_sending on notify_messages (owner_instance) where status = 'sending';
create index notify_messages_inbox on notify_messages (account_id, sent_at desc) where channel = 'inbox';
create index notify_messages_unread on notify_messages (account_id) where channel = 'inbox' and read_at is null;
comment on table notify_messages is 'distribution: street';

-- A person's choices, whatever street they live in: channels they turned off, quiet hours (minutes of the
-- day in Asia/Shanghai; urgent messages come through), and the WeChat account bound to them.
create table notify_settings (
  account_id uuid primary key references accounts (id),
  muted_channels text[] not null default '{}',
  quiet_start smallint check (quiet_start between 0 and 1439),
  quiet_end smallint check (quiet_end between 0 and 1439),
  wechat_openid text unique,
  updated_at timestamptz not null
);
comment on table notify_settings is 'distribution: reference — one row per account, like accounts; read when a message is delivered';

-- WeChat subscribe messages need the person's consent per template: each "allow" in WeChat's prompt lets
-- one message through (one-time subscription), so consent is a count that a sent message spends.
create table notify_wechat_consents (
  account_id uuid not null references accounts (id),
  template text not null,
  remaining integer not null check (remaining >= 0),
  updated_at timestamptz not null,
  primary key (account_id, template)
);
comment on table notify_wechat_consents is 'distribution: reference — per account and template, like notify_settings';
