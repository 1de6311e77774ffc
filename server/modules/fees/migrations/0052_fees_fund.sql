-- 专项维修资金 (the maintenance fund, the fund part): the housing authority holds the money; the platform mirrors
-- its statements, imported from the authority's xlsx per street, ties every use to what allowed it (a passed
-- owners' decision, or the record of an emergency procedure) and publishes each quarter to the owners (Civil Code
-- art. 281). Every key leads with the street.

-- An uploaded statement file: checked at upload (the dry-run report), committed at most once.
create table fee_fund_imports (
  street_id uuid not null,
  id uuid not null,
  -- The place the statement was imported at (a street, or a community under it): compounds resolve beneath it.
  place_id uuid not null,
  file_key text not null,
  file_name text not null check (length(file_name) between 1 and 200),
  file_sha256 text not null,
  total_rows integer not null,
  new_rows integer not null,
  present_rows integer not null,
  error_rows integer not null,
  -- The dry-run report: each error row with its number and zh/en messages.
  report jsonb not null,
  status text not null default 'checked' check (status in ('checked', 'committed')),
  created_by uuid references accounts(id),
  created_at timestamptz not null,
  committed_by uuid references accounts(id),
  committed_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index fee_fund_imports_id on fee_fund_imports (id);
create index fee_fund_imports_place on fee_fund_imports (street_id, place_id, created_at);
comment on table fee_fund_imports is 'distribution: street';

-- One line of the authority's statement, never edited: the authority's serial (流水号) is unique per street, so
-- importing the same rows again writes nothing. Amounts are positive; the kind says which way they go
-- (deposit and interest in; use and refund out).
create table fee_fund_entries (
  street_id uuid not null,
  id uuid not null,
  serial text not null check (length(serial) between 1 and 60),
  compound_id uuid not null,
  room_id uuid,
  day date not null,
  kind text not null check (kind in ('deposit', 'use', 'interest', 'refund')),
  amount_fen bigint not null check (amount_fen > 0),
  -- The authority's running balance when the statement gives it (kept as read, not used in the sums).
  balance_fen bigint,
  summary text not null default '' check (length(summary) <= 200),
  import_id uuid not null,
  created_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, serial),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id),
  foreign key (street_id, import_id) references fee_fund_imports (street_id, id)
);
create index fee_fund_entries_id on fee_fund_entries (id);
create index fee_fund_entries_compound on fee_fund_entries (street_id, compound_id, day);
create index fee_fund_entries_room on fee_fund_entries (street_id, room_id) where room_id is not null;
comment on table fee_fund_entries is 'distribution: street';

-- What allowed a use (使用): a passed owners' decision at the compound (art. 278 item 5), or for an emergency the
-- law allows without a vote (电梯、消防等危及安全的紧急情况) the procedure's record — what happened, the date, who
-- certified it, and the document. One current basis per use; a change needs a reason (audited before/after).
create table fee_fund_use_bases (
  street_id uuid not null,
  entry_id uuid not null,
  kind text not null check (kind in ('decision', 'emergency')),
  decision_id uuid,
  decision_title text,
  emergency_what text check (emergency_what is null or length(emergency_what) between 2 and 500),
  emergency_day date,
  emergency_certified_by text check (emergency_certified_by is null or length(emergency_certified_by) between 2 and 100),
  document_key text,
  document_name text,
  document_mime text,
  linked_by uuid references accounts(id),
  linked_at timestamptz not null,
  primary key (street_id, entry_id),
  foreign key (street_id, entry_id) references fee_fund_entries (street_id, id),
  check ((kind = 'decision') = (decision_id is not null)),
  check (kind <> 'emergency' or (emergency_what is not null and emergency_day is not null and emergency_certified_by is not null and document_key is not null))
);
comment on table fee_fund_use_bases is 'distribution: street';

-- A quarter's publication (公示) per compound: a snapshot, so what owners were shown stays as it was shown.
create table fee_fund_publications (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  quarter text not null check (quarter ~ '^\d{4}-Q[1-4]$'),
  opening_fen bigint not null,
  raised_fen bigint not null,
  used_fen bigint not null,
  interest_fen bigint not null,
  refunded_fen bigint not null,
  closing_fen bigint not null,
  -- Each use of the quarter with its basis, as published.
  uses jsonb not null,
  published_by uuid references accounts(id),
  published_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, compound_id, quarter),
  foreign key (street_id, compound_id) references street_places (street_id, id)
);
create index fee_fund_publications_id on fee_fund_publications (id);
comment on table fee_fund_publications is 'distribution: street';
