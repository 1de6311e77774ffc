-- Grid work, agency part (政务服务代办点): the services a property office may accept on the street's list, the
-- points (property offices) and what each accepts, the cases opened for residents with their steps, residents'
-- bookings, and the street's retention of case documents. Every row carries its street, the distribution key
-- (docs/adr/0003-street-keys.md). Money in fen.

-- The street's settings: how long a completed case's documents (ID copies) are kept.
create table grid_agency_settings (
  street_id uuid primary key,
  document_retention_days integer not null default 30 check (document_retention_days between 1 and 3650),
  updated_at timestamptz not null default now(),
  updated_by uuid references accounts (id)
);
comment on table grid_agency_settings is 'distribution: street';

-- A service a point may accept: the documents it asks for (labels), its time limit and the pay per completed case.
create table grid_agency_services (
  street_id uuid not null,
  id uuid not null,
  name text not null check (length(name) between 1 and 60),
  documents text[] not null default '{}' check (cardinality(documents) <= 12),
  time_limit_days integer not null check (time_limit_days between 1 and 365),
  pay_fen integer not null check (pay_fen between 0 and 100000000),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, name)
);
create index grid_agency_services_id on grid_agency_services (id);
comment on table grid_agency_services is 'distribution: street';

-- A property office as an agency point: its compound and the property company serving it (whose staff run it).
create table grid_agency_points (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  company_id uuid not null,
  name text not null check (length(name) between 1 and 60),
  address text not null default '',
  hours text not null default '',
  phone text not null default '',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, compound_id) references street_places (street_id, id)
);
create index grid_agency_points_id on grid_agency_points (id);
create index grid_agency_points_compound on grid_agency_points (street_id, compound_id);
comment on table grid_agency_points is 'distribution: street';

create table grid_agency_point_services (
  street_id uuid not null,
  point_id uuid not null,
  service_id uuid not null,
  primary key (street_id, point_id, service_id),
  foreign key (street_id, point_id) references grid_agency_points (street_id, id),
  foreign key (street_id, service_id) references grid_agency_services (street_id, id)
);
comment on table grid_agency_point_services is 'distribution: street';

-- A case: accepted → sent → result → completed (handed over), or withdrawn. The ID number is encrypted (masked copy
-- for display); the pay is fixed at completion from the service's pay then.
create table grid_agency_cases (
  street_id uuid not null,
  id uuid not null,
  no text not null,
  point_id uuid not null,
  compound_id uuid not null,
  service_id uuid not null,
  service_name text not null,
  applicant_person_id uuid,
  applicant_name text not null check (length(applicant_name) between 1 and 60),
  applicant_phone_enc text,
  applicant_phone_masked text,
  id_number_enc text,
  id_number_masked text,
  status text not null default 'accepted' check (status in ('accepted', 'sent', 'result', 'completed', 'withdrawn')),
  outcome text check (outcome in ('success', 'refused')),
  refusal_reason text,
  accepted_at timestamptz not null,
  accepted_by uuid references accounts (id),
  due_on date not null,
  sent_at timestamptz,
  result_at timestamptz,
  handed_over_on date,
  handover text check (handover in ('in_person', 'delivered')),
  completed_at timestamptz,
  on_time boolean,
  pay_fen integer check (pay_fen >= 0),
  withdrawn_at timestamptz,
  withdraw_reason text,
  documents_purged_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, no),
  foreign key (street_id, point_id) references grid_agency_points (street_id, id),
  foreign key (street_id, service_id) references grid_agency_services (street_id, id),
  check ((status = 'completed') = (completed_at is not null)),
  check ((status = 'completed') = (pay_fen is not null)),
  check ((outcome = 'refused') = (refusal_reason is not null))
);
create index grid_agency_cases_id on grid_agency_cases (id);
create index grid_agency_cases_point on grid_agency_cases (street_id, point_id, accepted_at);
create index grid_agency_cases_completed on grid_agency_cases (street_id, completed_at) where completed_at is not null;
create index grid_agency_cases_applicant on grid_agency_cases (applicant_person_id) where applicant_person_id is not null;
comment on table grid_agency_cases is 'distribution: street';

-- The timeline of a case: each step with who took it and when.
create table grid_agency_case_steps (
  street_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  step text not null check (step in ('accepted', 'sent', 'result', 'completed', 'withdrawn', 'documents_purged')),
  note text not null default '',
  at timestamptz not null,
  by_account uuid references accounts (id),
  by_name text not null default '',
  primary key (street_id, id),
  foreign key (street_id, case_id) references grid_agency_cases (street_id, id)
);
create index grid_agency_case_steps_case on grid_agency_case_steps (street_id, case_id, at);
comment on table grid_agency_case_steps is 'distribution: street';

-- A resident's booking at a point (kind 'point') or of a home visit (kind 'home'), on a day's half.
create table grid_agency_bookings (
  street_id uuid not null,
  id uuid not null,
  point_id uuid not null,
  compound_id uuid not null,
  person_id uuid not null,
  person_name text not null,
  service_id uuid,
  kind text not null check (kind in ('point', 'home')),
  day date not null,
  slot text not null check (slot in ('am', 'pm')),
  note text not null default '',
  status text not null default 'requested' check (status in ('requested', 'confirmed', 'declined')),
  decline_reason text,
  decided_at timestamptz,
  decided_by uuid references accounts (id),
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, point_id) references grid_agency_points (street_id, id),
  check ((status = 'declined') = (decline_reason is not null))
);
create index grid_agency_bookings_id on grid_agency_bookings (id);
create index grid_agency_bookings_point on grid_agency_bookings (street_id, point_id, status, day);
create index grid_agency_bookings_person on grid_agency_bookings (person_id);
comment on table grid_agency_bookings is 'distribution: street';
