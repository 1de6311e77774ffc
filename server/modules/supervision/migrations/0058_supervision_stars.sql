-- 监督考评 (Supervision), Supervision 2/2: 有礼小区 三类五星. Every row carries its street, which leads every key
-- (docs/adr/0003-street-keys.md). Scores are integer hundredths (0..10000); money in fen.

-- A street's star settings: the lowest score of each star from two up ({"2": 6000, …, "5": 9000}: half-open bands),
-- the reward for reaching each level ({"1": 0, …, "5": 10000000} fen) and the property company's largest share of
-- a reward in per cent (Quzhou: at most 30; a street may set less, never more).
create table sup_star_settings (
  street_id uuid not null,
  version int not null check (version >= 1),
  minimums jsonb not null,
  rewards jsonb not null,
  company_max_percent int not null check (company_max_percent between 0 and 30),
  updated_by uuid references accounts(id),
  updated_at timestamptz not null default now(),
  primary key (street_id)
);
comment on table sup_star_settings is 'distribution: street';

-- A compound's application for a star level in a quarter: applied → an assessor assigned → assessing (the civility
-- inspection started, the sheets part's) → pending (the street asked a second official to confirm) → confirmed.
-- The score and star are copied from the submitted inspection when confirmation is asked (frozen from then).
create table sup_star_applications (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  period text not null check (period ~ '^\d{4}-Q[1-4]$'),
  level int not null check (level between 1 and 5),
  stars_before int not null check (stars_before between 0 and 5), -- 0: no star in force when applying
  note text not null default '',
  status text not null check (status in ('applied', 'assigned', 'assessing', 'pending', 'confirmed')),
  applicant_id uuid references accounts(id),
  applicant_name text not null,
  applied_at timestamptz not null,
  assessor_id uuid references accounts(id),
  assessor_name text,
  assigned_at timestamptz,
  inspection_id uuid, -- the sheets part's inspection (read through its use cases only)
  score_centi int check (score_centi between 0 and 10000),
  stars int check (stars between 1 and 5),
  approval_id uuid,
  requested_by uuid references accounts(id),
  requested_at timestamptz,
  confirmed_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  check ((status = 'confirmed') = (confirmed_at is not null)),
  check (status = 'applied' or assessor_id is not null)
);
create index sup_star_applications_id on sup_star_applications (id);
-- One open application per compound.
create unique index sup_star_applications_open on sup_star_applications (street_id, compound_id) where status <> 'confirmed';
create unique index sup_star_applications_inspection on sup_star_applications (street_id, inspection_id) where inspection_id is not null;
comment on table sup_star_applications is 'distribution: street';

-- The star history of a compound: each confirmation, in force from confirmed_at until the next one.
create table sup_compound_stars (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  application_id uuid not null,
  period text not null check (period ~ '^\d{4}-Q[1-4]$'),
  stars int not null check (stars between 1 and 5),
  type text not null check (type in ('leading', 'developing', 'maintaining')),
  score_centi int not null check (score_centi between 0 and 10000),
  confirmed_at timestamptz not null,
  confirmed_by uuid references accounts(id),
  primary key (street_id, id),
  unique (street_id, application_id),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  foreign key (street_id, application_id) references sup_star_applications (street_id, id)
);
create index sup_compound_stars_compound on sup_compound_stars (street_id, compound_id, confirmed_at desc);
comment on table sup_compound_stars is 'distribution: street';

-- The reward a confirmed move up earns (the levels passed above the compound's highest star ever), and the street's
-- record of how it is allocated; the company's cap in force when the reward was made is kept with it.
create table sup_star_rewards (
  street_id uuid not null,
  id uuid not null,
  application_id uuid not null,
  compound_id uuid not null,
  from_stars int not null check (from_stars between 0 and 5),
  to_stars int not null check (to_stars between 1 and 5),
  amount_fen bigint not null check (amount_fen > 0),
  company_max_percent int not null check (company_max_percent between 0 and 30),
  created_at timestamptz not null,
  allocated_at timestamptz,
  allocated_by uuid references accounts(id),
  primary key (street_id, id),
  unique (street_id, application_id),
  foreign key (street_id, application_id) references sup_star_applications (street_id, id),
  foreign key (street_id, compound_id) references street_places (street_id, id)
);
comment on table sup_star_rewards is 'distribution: street';

-- A line of a reward's allocation: who receives how much for what. A recipient that is an organisation of the
-- registry carries its id; 'other' (e.g. a volunteer team) only its name. Paid through payout statements once each.
create table sup_star_reward_lines (
  street_id uuid not null,
  id uuid not null,
  reward_id uuid not null,
  position int not null,
  recipient_kind text not null check (recipient_kind in ('property_company', 'owners_committee', 'residents_committee', 'other')),
  organisation_id uuid,
  recipient_name text not null check (length(recipient_name) between 1 and 100),
  amount_fen bigint not null check (amount_fen > 0),
  purpose text not null check (length(purpose) between 1 and 200),
  primary key (street_id, id),
  unique (street_id, reward_id, position),
  foreign key (street_id, reward_id) references sup_star_rewards (street_id, id) on delete cascade,
  check ((recipient_kind = 'other') = (organisation_id is null))
);
comment on table sup_star_reward_lines is 'distribution: street';
