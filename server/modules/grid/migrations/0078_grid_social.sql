-- Grid work, social part: the street's community social organisations (社区社会组织) and its 公益创投 rounds — the
-- call, applications with budgets, the panel and each reviewer's scores per criterion, the funded list proposed and
-- approved by a different account, milestones with tranches, reports with evidence (grid_files, subject 'project'),
-- and the final evaluation. Every row carries its street, the distribution key (docs/adr/0003-street-keys.md).
-- Money in fen.

create table grid_social_orgs (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  name text not null check (length(name) between 1 and 60),
  registration text not null check (registration in ('registered', 'filed', 'incubating')),
  field text not null check (field in ('elderly', 'youth', 'culture', 'environment', 'disability', 'mediation', 'volunteer', 'other')),
  founded_on date,
  contact_name text not null default '' check (length(contact_name) <= 60),
  contact_phone text not null default '' check (length(contact_phone) <= 20),
  people_count integer not null default 0 check (people_count between 0 and 100000),
  description text not null default '' check (length(description) <= 500),
  active boolean not null default true,
  dissolved_at timestamptz,
  dissolved_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, name),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index grid_social_orgs_id on grid_social_orgs (id);
comment on table grid_social_orgs is 'distribution: street';

create table grid_venture_rounds (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  title text not null check (length(title) between 1 and 60),
  year integer not null check (year between 2000 and 2100),
  pool_fen integer not null check (pool_fen between 1 and 2000000000),
  cap_fen integer not null check (cap_fen between 1 and 2000000000),
  opens_on date not null,
  closes_on date not null check (closes_on >= opens_on),
  status text not null default 'draft' check (status in ('draft', 'call', 'review', 'funded', 'running', 'closed')),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index grid_venture_rounds_id on grid_venture_rounds (id);
comment on table grid_venture_rounds is 'distribution: street';

create table grid_venture_applications (
  street_id uuid not null,
  id uuid not null,
  round_id uuid not null,
  no integer not null,
  org_id uuid not null,
  title text not null check (length(title) between 1 and 60),
  field text not null,
  summary text not null default '' check (length(summary) <= 500),
  beneficiaries text not null default '' check (length(beneficiaries) <= 200),
  budget jsonb not null,
  budget_fen integer not null check (budget_fen >= 1),
  grant_fen integer check (grant_fen >= 1),
  funded_at timestamptz,
  grade text check (grade in ('excellent', 'good', 'pass', 'fail')),
  grade_note text,
  evaluated_at timestamptz,
  evaluated_by uuid references accounts (id),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, round_id, no),
  foreign key (street_id, round_id) references grid_venture_rounds (street_id, id),
  foreign key (street_id, org_id) references grid_social_orgs (street_id, id)
);
create index grid_venture_applications_id on grid_venture_applications (id);
comment on table grid_venture_applications is 'distribution: street';

create table grid_venture_reviewers (
  street_id uuid not null,
  round_id uuid not null,
  account_id uuid not null references accounts (id),
  name text not null,
  affiliation_org_id uuid,
  added_by uuid references accounts (id),
  added_at timestamptz not null default now(),
  primary key (street_id, round_id, account_id),
  foreign key (street_id, round_id) references grid_venture_rounds (street_id, id),
  foreign key (street_id, affiliation_org_id) references grid_social_orgs (street_id, id)
);
comment on table grid_venture_reviewers is 'distribution: street';

create table grid_venture_scores (
  street_id uuid not null,
  round_id uuid not null,
  application_id uuid not null,
  account_id uuid not null,
  criterion text not null check (criterion in ('need', 'feasibility', 'budget', 'capacity')),
  score integer not null check (score between 0 and 100),
  scored_at timestamptz not null default now(),
  primary key (street_id, application_id, account_id, criterion),
  foreign key (street_id, application_id) references grid_venture_applications (street_id, id),
  foreign key (street_id, round_id, account_id) references grid_venture_reviewers (street_id, round_id, account_id)
);
comment on table grid_venture_scores is 'distribution: street';

-- The funded list: proposed by one account, approved by another; a new proposal supersedes a pending one.
create table grid_venture_fundings (
  street_id uuid not null,
  id uuid not null,
  round_id uuid not null,
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'superseded')),
  lines jsonb not null,
  total_fen integer not null,
  proposed_by uuid not null references accounts (id),
  proposed_at timestamptz not null,
  approved_by uuid references accounts (id),
  approved_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, round_id) references grid_venture_rounds (street_id, id)
);
create unique index grid_venture_fundings_one_open on grid_venture_fundings (street_id, round_id) where status in ('proposed', 'approved');
comment on table grid_venture_fundings is 'distribution: street';

create table grid_venture_milestones (
  street_id uuid not null,
  id uuid not null,
  application_id uuid not null,
  seq integer not null,
  title text not null check (length(title) between 1 and 60),
  due_on date not null,
  tranche_fen integer not null check (tranche_fen >= 1),
  status text not null default 'pending' check (status in ('pending', 'reported', 'returned', 'accepted')),
  accepted_at timestamptz,
  primary key (street_id, id),
  unique (street_id, application_id, seq),
  foreign key (street_id, application_id) references grid_venture_applications (street_id, id)
);
create index grid_venture_milestones_id on grid_venture_milestones (id);
comment on table grid_venture_milestones is 'distribution: street';

create table grid_venture_reports (
  street_id uuid not null,
  id uuid not null,
  milestone_id uuid not null,
  application_id uuid not null,
  note text not null check (length(note) between 1 and 500),
  status text not null default 'submitted' check (status in ('submitted', 'accepted', 'returned')),
  submitted_by uuid references accounts (id),
  submitted_at timestamptz not null,
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  decision_note text,
  primary key (street_id, id),
  foreign key (street_id, milestone_id) references grid_venture_milestones (street_id, id)
);
create index grid_venture_reports_id on grid_venture_reports (id);
create unique index grid_venture_reports_one_accepted on grid_venture_reports (street_id, milestone_id) where status = 'accepted';
comment on table grid_venture_reports is 'distribution: street';
