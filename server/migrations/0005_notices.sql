-- Notices (公告): published by officials or a property company to a place; residents under that place
-- read them while they are valid; each resident's first read is a receipt (read counts, unread lists).

create table ntc_notices (
  id uuid primary key,
  -- Where the notice is posted: it reaches every resident whose room lies under this place.
  place_id uuid not null references places(id),
  category text not null check (category in ('policy', 'announcement', 'meeting', 'emergency')),
  title text not null check (length(trim(title)) between 1 and 120),
  body text not null check (length(body) <= 20000),
  -- The signature as printed (落款), e.g. 安和社区居民委员会.
  issuer text not null check (length(trim(issuer)) between 1 and 100),
  -- Who may manage it: officials manage every notice in their place, property staff their own.
  publisher_kind text not null check (publisher_kind in ('official', 'property')),
  status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
  pinned boolean not null default false,
  -- Calendar days in Asia/Shanghai, both inclusive; no end means until withdrawn.
  valid_from date not null,
  valid_until date,
  -- Actors are accounts, or the system itself (jobs, seeding): no foreign key.
  created_by uuid not null,
  created_by_name text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  published_at timestamptz,
  published_by uuid,
  published_by_name text,
  withdrawn_at timestamptz,
  withdrawn_by uuid,
  withdrawn_by_name text,
  withdraw_reason text check (withdraw_reason is null or length(trim(withdraw_reason)) between 1 and 300),
  check (valid_until is null or valid_until >= valid_from),
  check (status = 'draft' or published_at is not null),
  check ((status = 'withdrawn') = (withdrawn_at is not null))
);
create index ntc_notices_place on ntc_notices (place_id, status);
create index ntc_notices_valid on ntc_notices (valid_from, valid_until) where status = 'published';

-- Attachments: content in the kernel's file store (content-hash keys), checked by content on upload.
create table ntc_attachments (
  id uuid primary key,
  notice_id uuid not null references ntc_notices(id),
  file_key text not null check (file_key ~ '^[0-9a-f]{64}$'),
  name text not null check (length(trim(name)) between 1 and 200),
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size int not null check (size > 0),
  created_by uuid not null,
  created_at timestamptz not null
);
create index ntc_attachments_notice on ntc_attachments (notice_id, created_at);

-- Read receipts: a resident account's first opening of a notice.
create table ntc_reads (
  notice_id uuid not null references ntc_notices(id),
  account_id uuid not null references accounts(id),
  read_at timestamptz not null,
  primary key (notice_id, account_id)
);
create index ntc_reads_account on ntc_reads (account_id);
