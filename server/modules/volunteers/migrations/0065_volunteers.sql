-- 志愿服务与邻里 (Volunteers and neighbour services), issue 23: the core every part reads — volunteers, the points
-- and hours they earn (one account per person, one ledger), the neighbour boards' listings with their moderation
-- (banned words, residents' reports, hiding with a reason), and the photos of tasks, listings and care records.
-- Each part adds its own tables in a later migration (0066 registry … 0071 green). Every row carries its street,
-- which leads every key (docs/adr/0003-street-keys.md). Registry records are referenced by id, names copied.

-- A volunteer: a registry person (real name), registered at a compound where they live, reviewed by the community.
create table vol_volunteers (
  street_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  person_name text not null,
  place_id uuid not null, -- the compound (or community) the volunteer registered at: scopes the review and the share
  skills text[] not null default '{}',
  availability text not null default '' check (length(availability) <= 200),
  phone_masked text not null default '',
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'suspended')),
  reject_reason text check (reject_reason is null or length(reject_reason) <= 500),
  reviewed_by uuid references accounts (id),
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, person_id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check ((status = 'rejected') = (reject_reason is not null))
);
create index vol_volunteers_id on vol_volunteers (id);
create index vol_volunteers_place on vol_volunteers (street_id, place_id, status);
comment on table vol_volunteers is 'distribution: street';

-- A person's points and hours, kept beside the ledger so that a debit is one conditional update: the balance can
-- never go below zero (the check is the last line of defence; use-cases/points-ledger.ts refuses first).
create table vol_point_accounts (
  street_id uuid not null,
  person_id uuid not null,
  balance integer not null default 0 check (balance >= 0),
  earned integer not null default 0 check (earned >= 0),
  minutes integer not null default 0 check (minutes >= 0),
  updated_at timestamptz not null default now(),
  primary key (street_id, person_id)
);
comment on table vol_point_accounts is 'distribution: street';

-- Every change of a person's points or service time: a credit for an activity's confirmed hours or a confirmed task,
-- a debit for a reward redeemed, an adjustment by the community. One credit per source and person (the unique key):
-- confirming twice can never pay twice.
create table vol_points_ledger (
  street_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  place_id uuid not null,
  delta integer not null,
  minutes integer not null default 0 check (minutes >= 0),
  balance_after integer not null check (balance_after >= 0),
  source_kind text not null check (source_kind in ('activity', 'task', 'redemption', 'adjustment')),
  source_id uuid not null,
  note text not null default '' check (length(note) <= 200),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, source_kind, source_id, person_id),
  check (delta <> 0 or minutes > 0)
);
create index vol_points_ledger_person on vol_points_ledger (street_id, person_id, created_at);
comment on table vol_points_ledger is 'distribution: street';

-- A neighbour-board listing within a compound: carpooling, second-hand exchange, tool sharing, book lending. No
-- payment inside the platform. Hidden by a moderator with a reason: residents no longer see it, moderators do.
create table vol_listings (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null, -- the compound
  kind text not null check (kind in ('carpool', 'secondhand', 'tool', 'book')),
  title text not null check (length(title) between 1 and 60),
  body text not null default '' check (length(body) <= 1000),
  owner_person_id uuid not null,
  owner_name text not null,
  owner_account_id uuid references accounts (id),
  -- carpooling: offering seats or seeking a ride, the route and the time
  carpool_role text check (carpool_role in ('offer', 'seek')),
  route_from text check (length(route_from) <= 60),
  route_to text check (length(route_to) <= 60),
  departs_at timestamptz,
  seats smallint check (seats between 1 and 6),
  -- books: the author; tools and books: how long a loan may run
  author text check (length(author) <= 60),
  loan_days smallint check (loan_days between 1 and 60),
  status text not null default 'open' check (status in ('open', 'reserved', 'given', 'lent', 'full', 'closed')),
  hidden_at timestamptz,
  hidden_by uuid references accounts (id),
  hidden_reason text check (length(hidden_reason) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check ((kind = 'carpool') = (carpool_role is not null and route_from is not null and route_to is not null and departs_at is not null and seats is not null)),
  check ((kind in ('tool', 'book')) = (loan_days is not null)),
  check ((hidden_at is null) = (hidden_reason is null))
);
create index vol_listings_id on vol_listings (id);
create index vol_listings_place on vol_listings (street_id, place_id, kind, created_at);
comment on table vol_listings is 'distribution: street';

-- The street's banned-word list, checked on every posting (titles, bodies, care records).
create table vol_banned_words (
  street_id uuid not null,
  id uuid not null,
  word text not null check (length(word) between 1 and 30),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, word)
);
comment on table vol_banned_words is 'distribution: street';

-- A resident's report of a listing (one per resident and listing); the moderation queue is the open ones.
create table vol_listing_reports (
  street_id uuid not null,
  id uuid not null,
  listing_id uuid not null,
  reporter_person_id uuid not null,
  reason text not null check (length(reason) between 1 and 200),
  status text not null default 'open' check (status in ('open', 'hidden', 'dismissed')),
  handled_by uuid references accounts (id),
  handled_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, listing_id, reporter_person_id),
  foreign key (street_id, listing_id) references vol_listings (street_id, id)
);
create index vol_listing_reports_open on vol_listing_reports (street_id, status, created_at);
comment on table vol_listing_reports is 'distribution: street';

-- Photos of a finished task, a listing or a plot's care record: the file in the store, the row says whose it is.
create table vol_photos (
  street_id uuid not null,
  id uuid not null,
  subject_type text not null check (subject_type in ('task', 'listing', 'care')),
  subject_id uuid not null,
  place_id uuid not null,
  file_key text not null,
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes > 0),
  uploaded_by uuid references accounts (id),
  uploaded_at timestamptz not null default now(),
  primary key (street_id, id)
);
create index vol_photos_id on vol_photos (id);
create index vol_photos_subject on vol_photos (street_id, subject_type, subject_id);
create index vol_photos_key on vol_photos (file_key);
comment on table vol_photos is 'distribution: street';
