-- 监督考评 (Supervision), 达标补贴: the service-standard subsidy for the old compounds a street lists, paid through the
-- kernel's payout statements (kind supervision.standard_subsidy) to the company of each listed compound whose
-- PUBLISHED assessment of the quarter meets the street's standard. Every row carries its street, which leads every
-- key (docs/adr/0003-street-keys.md). Money in fen, scores in hundredths.

-- A compound the street lists as eligible, from a quarter (inclusive) to an optional last quarter (inclusive).
create table sup_subsidy_compounds (
  street_id uuid not null,
  compound_id uuid not null,
  from_period text not null check (from_period ~ '^\d{4}-Q[1-4]$'),
  to_period text check (to_period ~ '^\d{4}-Q[1-4]$'),
  note text not null default '' check (length(note) <= 200),
  listed_by uuid references accounts(id),
  listed_at timestamptz not null,
  primary key (street_id, compound_id),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  -- 'YYYY-Qn' labels order as the quarters do.
  check (to_period is null or to_period >= from_period)
);
comment on table sup_subsidy_compounds is 'distribution: street';

-- The street's policy from a quarter on (until the next version): the standard (the published assessment's score
-- at least threshold_centi) and the amount (rate_fen per room of the compound per quarter, at most cap_fen per
-- compound and quarter).
create table sup_subsidy_policies (
  street_id uuid not null,
  from_period text not null check (from_period ~ '^\d{4}-Q[1-4]$'),
  threshold_centi int not null check (threshold_centi between 0 and 10000),
  rate_fen int not null check (rate_fen between 1 and 100000000),
  cap_fen int not null check (cap_fen between 1 and 1000000000),
  note text not null default '' check (length(note) <= 200),
  created_by uuid references accounts(id),
  created_at timestamptz not null,
  primary key (street_id, from_period)
);
comment on table sup_subsidy_policies is 'distribution: street';
