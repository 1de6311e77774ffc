-- Decisions 4/4: filing (备案). A published result the rules say is filed (elections always) opens one filing per
-- receiving office, due a number of days after the result; the owners' committee submits a package (result, roll
-- snapshot, rules copy, evidence-bundle hash, minutes, the elected with their vetting); the office acknowledges it
-- or returns it with a reason, and a returned package is corrected and submitted again.
create table dec_filings (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  office text not null check (office in ('street_office', 'district_housing')),
  -- The last calendar day in China (Asia/Shanghai) to submit by.
  due_on date not null,
  status text not null check (status in ('pending', 'submitted', 'acknowledged', 'returned')),
  -- How many times it was submitted: the package's version.
  version integer not null default 0 check (version >= 0),
  package jsonb,
  package_hash text check (package_hash ~ '^[0-9a-f]{64}$'),
  -- The meeting minutes as uploaded (the file store's key; its SHA-256 is in the package).
  minutes_key text,
  minutes_name text,
  minutes_mime text,
  minutes_size integer,
  note text not null default '' check (length(note) <= 1000),
  submitted_at timestamptz,
  submitted_by uuid references accounts(id),
  submitted_by_name text,
  acknowledged_at timestamptz,
  acknowledged_by uuid references accounts(id),
  acknowledged_by_name text,
  returned_at timestamptz,
  returned_by uuid references accounts(id),
  returned_by_name text,
  return_reason text check (length(return_reason) between 1 and 1000),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, decision_id, office),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  check ((status = 'pending') = (version = 0)),
  check ((package is null) = (version = 0)),
  check ((minutes_key is null) = (version = 0))
);
create index dec_filings_due on dec_filings (street_id, status, due_on);
comment on table dec_filings is 'distribution: street';

-- The filing's history, shown as a timeline: every submission (with the package's hash), acknowledgement and return.
create table dec_filing_events (
  street_id uuid not null,
  id uuid not null,
  filing_id uuid not null,
  action text not null check (action in ('submitted', 'acknowledged', 'returned')),
  version integer not null check (version >= 1),
  at timestamptz not null,
  by uuid references accounts(id),
  by_name text not null,
  note text not null default '' check (length(note) <= 1000),
  package_hash text check (package_hash ~ '^[0-9a-f]{64}$'),
  primary key (street_id, id),
  foreign key (street_id, filing_id) references dec_filings (street_id, id)
);
create index dec_filing_events_filing on dec_filing_events (street_id, filing_id, at);
comment on table dec_filing_events is 'distribution: street';
