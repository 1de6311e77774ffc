-- 监督考评 (Supervision), part 3: the property-company assessment into four colours. Every row carries its street,
-- which leads every key (docs/adr/0003-street-keys.md). Scores are integer hundredths (0..10000 = 0..100.00).

-- A street's assessment settings: the weight of each input (integers adding up to 100) and the colour bands
-- (half-open intervals [from, to) of score_centi tiling 0..10000; the top band includes 10000). Every change
-- steps the version; a computed period records the version and a copy of the settings it used.
create table sup_assessment_settings (
  street_id uuid not null,
  version int not null check (version >= 1),
  weights jsonb not null, -- {"ownerRatings": 20, …}
  bands jsonb not null, -- [{"colour": "green", "from": 9000, "to": 10000}, …]
  updated_by uuid references accounts(id),
  updated_at timestamptz not null default now(),
  primary key (street_id)
);
comment on table sup_assessment_settings is 'distribution: street';

-- An evaluation of a compound's property service for a period by the street or the community party organisation.
create table sup_evaluations (
  street_id uuid not null,
  compound_id uuid not null,
  period text not null check (period ~ '^\d{4}-Q[1-4]$'),
  kind text not null check (kind in ('street', 'party')),
  score_centi int not null check (score_centi between 0 and 10000),
  comment text not null check (length(comment) between 1 and 1000),
  evaluator_id uuid not null references accounts(id),
  evaluator_name text not null,
  updated_at timestamptz not null default now(),
  primary key (street_id, period, compound_id, kind),
  foreign key (street_id, compound_id) references street_places (street_id, id)
);
comment on table sup_evaluations is 'distribution: street';

-- A street's assessment of a period: draft once computed, pending while its publication waits for the second
-- approver, published (frozen: residents see the colours) once approved.
create table sup_assessment_periods (
  street_id uuid not null,
  period text not null check (period ~ '^\d{4}-Q[1-4]$'),
  status text not null check (status in ('draft', 'pending', 'published')),
  settings_version int not null,
  settings jsonb not null, -- the weights and bands the results were computed with
  computed_at timestamptz not null,
  computed_by uuid references accounts(id),
  approval_id uuid,
  requested_by uuid references accounts(id),
  published_at timestamptz,
  published_by uuid references accounts(id),
  primary key (street_id, period),
  check ((status = 'published') = (published_at is not null))
);
comment on table sup_assessment_periods is 'distribution: street';

-- One compound's result for a period: its score (null when no input had data), colour, whether inputs were
-- missing (partial), and the breakdown input by input (raw figures, 0..100 score, nominal and effective weight,
-- contribution). The company and rooms are those when computed: the company roll-up weights scores by rooms.
create table sup_assessments (
  street_id uuid not null,
  period text not null,
  compound_id uuid not null,
  company_id uuid not null,
  company_name text not null,
  rooms int not null check (rooms >= 0),
  score_centi int check (score_centi between 0 and 10000),
  colour text check (colour in ('green', 'blue', 'yellow', 'red')),
  partial boolean not null,
  breakdown jsonb not null,
  computed_at timestamptz not null,
  primary key (street_id, period, compound_id),
  foreign key (street_id, period) references sup_assessment_periods (street_id, period) on delete cascade,
  foreign key (street_id, compound_id) references street_places (street_id, id),
  check ((score_centi is null) = (colour is null))
);
create index sup_assessments_company on sup_assessments (street_id, company_id, period);
comment on table sup_assessments is 'distribution: street';
