-- Grid work, mediation part (人民调解): committees at a community or the street with their mediators (positions), cases
-- from any source with their parties (names and phones held here: the registry is not asked), the mediators assigned
-- to each case, sessions, the timeline, follow-up visits. Every row carries its street, the distribution key
-- (docs/adr/0003-street-keys.md). A party's phone is encrypted, with a masked copy for display.

create table grid_mediation_committees (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  level text not null check (level in ('community', 'street')),
  name text not null check (length(name) between 1 and 60),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, place_id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index grid_mediation_committees_id on grid_mediation_committees (id);
comment on table grid_mediation_committees is 'distribution: street';

create table grid_mediators (
  street_id uuid not null,
  id uuid not null,
  committee_id uuid not null,
  account_id uuid not null references accounts (id),
  name text not null check (length(name) between 1 and 60),
  title text not null check (title in ('director', 'deputy', 'mediator')),
  from_on date not null,
  until_on date,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, committee_id) references grid_mediation_committees (street_id, id)
);
create index grid_mediators_id on grid_mediators (id);
create index grid_mediators_account on grid_mediators (account_id);
-- One current position per account and committee.
create unique index grid_mediators_current on grid_mediators (street_id, committee_id, account_id) where until_on is null;
comment on table grid_mediators is 'distribution: street';

create table grid_mediation_cases (
  street_id uuid not null,
  id uuid not null,
  no text not null,
  committee_id uuid not null,
  level text not null default 'community' check (level in ('community', 'street')),
  place_id uuid not null,
  community_id uuid not null,
  source text not null check (source in ('resident', 'opinion', 'arrears', 'grid_event', 'deliberation', 'other')),
  source_ref text,
  source_title text not null default '',
  category text not null check (category in ('neighbour', 'property_service', 'arrears', 'renovation', 'parking', 'other')),
  summary text not null check (length(summary) between 1 and 1000),
  status text not null default 'applied' check (status in ('applied', 'accepted', 'in_session', 'agreed', 'failed', 'declined')),
  applicant_person_id uuid,
  opened_by uuid references accounts (id),
  opened_at timestamptz not null,
  accepted_at timestamptz,
  due_at timestamptz,
  overdue_at timestamptz,
  escalated_at timestamptz,
  closed_at timestamptz,
  decline_reason text,
  referral text check (referral in ('street', 'arbitration', 'court')),
  failure_note text,
  agreement_terms text,
  agreed_at timestamptz,
  signed_on date,
  confirmation_court text,
  confirmation_applied_on date,
  confirmation_outcome text check (confirmation_outcome in ('confirmed', 'rejected')),
  confirmation_on date,
  confirmation_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, committee_id) references grid_mediation_committees (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index grid_mediation_cases_id on grid_mediation_cases (id);
create index grid_mediation_cases_open on grid_mediation_cases (street_id, status, due_at) where status in ('accepted', 'in_session') and overdue_at is null;
create index grid_mediation_cases_applicant on grid_mediation_cases (applicant_person_id) where applicant_person_id is not null;
comment on table grid_mediation_cases is 'distribution: street';

create table grid_mediation_parties (
  street_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  seq integer not null,
  name text not null check (length(name) between 1 and 60),
  role text not null check (role in ('applicant', 'respondent', 'other')),
  phone_enc text,
  phone_masked text,
  room text not null default '',
  primary key (street_id, id),
  unique (street_id, case_id, seq),
  foreign key (street_id, case_id) references grid_mediation_cases (street_id, id)
);
comment on table grid_mediation_parties is 'distribution: street';

create table grid_mediation_assignments (
  street_id uuid not null,
  case_id uuid not null,
  mediator_id uuid not null,
  account_id uuid not null references accounts (id),
  assigned_at timestamptz not null default now(),
  primary key (street_id, case_id, mediator_id),
  foreign key (street_id, case_id) references grid_mediation_cases (street_id, id),
  foreign key (street_id, mediator_id) references grid_mediators (street_id, id)
);
create index grid_mediation_assignments_account on grid_mediation_assignments (account_id);
comment on table grid_mediation_assignments is 'distribution: street';

create table grid_mediation_sessions (
  street_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  held_on date not null,
  location text not null default '',
  attendees text not null default '',
  notes text not null check (length(notes) between 1 and 2000),
  by_account uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, case_id) references grid_mediation_cases (street_id, id)
);
comment on table grid_mediation_sessions is 'distribution: street';

create table grid_mediation_followups (
  street_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  visited_on date not null,
  visitor text not null check (length(visitor) between 1 and 60),
  performed boolean not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, case_id) references grid_mediation_cases (street_id, id)
);
comment on table grid_mediation_followups is 'distribution: street';

create table grid_mediation_steps (
  street_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  step text not null,
  note text not null default '',
  at timestamptz not null,
  by_account uuid references accounts (id),
  by_name text not null default '',
  primary key (street_id, id),
  foreign key (street_id, case_id) references grid_mediation_cases (street_id, id)
);
create index grid_mediation_steps_case on grid_mediation_steps (street_id, case_id, at);
comment on table grid_mediation_steps is 'distribution: street';
