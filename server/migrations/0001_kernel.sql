-- Kernel: places tree, accounts and sessions, grants, audit chain, approvals.

-- The place hierarchy. `path` lists the ids from the root down to the place itself
-- ('/<root>/<...>/<id>/'), so "everything under X" is one indexed prefix match.
create table places (
  id uuid primary key,
  parent_id uuid references places(id),
  kind text not null check (kind in ('city','district','street','community','grid','compound','building','unit','room')),
  name text not null check (length(trim(name)) > 0),
  -- Collation "C": byte order, so one plain btree index serves both the prefix match
  -- (path like '/a/b/%') and ordering by path, on every server locale.
  path text collate "C" not null,
  depth int not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Sibling names are unique: no two rooms "301" in one unit, no two buildings "3栋" in one compound.
create unique index places_sibling_name on places (parent_id, name);
create index places_path on places (path);
create index places_parent on places (parent_id);
create index places_kind on places (kind);

create table accounts (
  id uuid primary key,
  username text unique,
  phone_enc text,
  phone_hash text unique,
  phone_masked text,
  display_name text not null,
  password_hash text not null,
  -- The registry person this account is matched to (activation); owned by the registry module.
  person_id uuid,
  locale text not null default 'zh-CN',
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  check (username is not null or phone_hash is not null)
);
create index accounts_person on accounts (person_id);

create table auth_failures (
  identifier_hash text not null,
  at timestamptz not null
);
create index auth_failures_lookup on auth_failures (identifier_hash, at);

create table sessions (
  token_hash text primary key,
  account_id uuid not null references accounts(id),
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_account on sessions (account_id);

create table grants (
  id uuid primary key,
  account_id uuid not null references accounts(id),
  role text not null,
  place_id uuid not null references places(id),
  created_at timestamptz not null default now(),
  unique (account_id, role, place_id)
);

-- Hash-chained audit log. `seq` is assigned under an advisory lock as previous + 1, so a gap
-- reveals a deleted entry and a broken prev_hash reveals an inserted or edited one.
create table audit_log (
  seq bigint primary key,
  id uuid not null,
  at timestamptz not null,
  actor_id uuid,
  actor_name text,
  action text not null,
  place_id uuid,
  subject_type text,
  subject_id text,
  before_digest text,
  after_digest text,
  detail jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_log_subject on audit_log (subject_type, subject_id);
create index audit_log_place on audit_log (place_id);
create index audit_log_at on audit_log (at);

-- The chain's latest position, written with every entry: deleting entries from the end of the
-- log leaves the head pointing past them, so tail deletions are caught too.
create table audit_head (
  id int primary key check (id = 1),
  seq bigint not null,
  hash text not null
);

-- Sensitive changes wait here for a second approver with a grant at or above the place.
create table approvals (
  id uuid primary key,
  kind text not null,
  -- No foreign key: like the audit log, a request outlives the place it was about (a deletion).
  place_id uuid not null,
  summary text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending','approved','rejected')),
  requested_by uuid not null references accounts(id),
  requested_at timestamptz not null,
  decided_by uuid references accounts(id),
  decided_at timestamptz,
  decision_note text,
  result jsonb
);
create index approvals_status on approvals (status, place_id);

-- Long-running work (imports, PDF batches) and its progress, polled by the client.
create table tasks (
  id uuid primary key,
  kind text not null,
  place_id uuid,
  status text not null check (status in ('running','done','failed')),
  done int not null default 0,
  total int not null default 0,
  result jsonb,
  error jsonb,
  created_by uuid not null references accounts(id),
  created_at timestamptz not null,
  finished_at timestamptz
);
create index tasks_created_by on tasks (created_by, created_at);
