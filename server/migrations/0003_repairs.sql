-- Repairs (报修工单): orders, their photos and timeline, escalations of overdue orders, and the
-- per-compound time limits. Registry records (people, the property company) are referred to by id
-- without a foreign key: modules do not reach into each other's tables.

-- Human-friendly numbers for the phone and the counter: BX20261122-000042.
create sequence rep_order_no_seq;

create table rep_orders (
  id uuid primary key,
  no text not null unique,
  -- The room, or the common part (unit, building, compound), the order is about.
  place_id uuid not null references places(id),
  compound_id uuid not null references places(id),
  -- Overdue orders escalate to this community's residents' committee.
  community_id uuid not null references places(id),
  -- The compound's property company when the order was reported: figures stay with it.
  company_id uuid not null,
  category text not null check (category in ('water','electric','elevator','doors','facility','environment','other')),
  description text not null check (length(trim(description)) > 0 and length(description) <= 1000),
  channel text not null check (channel in ('app','phone','counter')),
  status text not null check (status in (
    'submitted','accepted','dispatched','in_progress','finished','reopened','closed','returned','cancelled')),
  -- The resident the order is for (null: a common part reported for nobody in particular).
  resident_person_id uuid,
  reported_by uuid not null references accounts(id),
  reporter_name text not null,
  contact_name text,
  contact_phone_enc text,
  contact_phone_masked text,
  preferred_date date,
  preferred_period text check (preferred_period in ('morning','afternoon','evening','any')),
  reported_at timestamptz not null,
  -- Deadlines fixed when reported, from the compound's time limits then in force.
  respond_by timestamptz not null,
  complete_by timestamptz not null,
  accepted_at timestamptz,
  assignee_id uuid references accounts(id),
  assignee_name text,
  dispatched_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  finish_note text,
  -- A finished order nobody rates closes by itself at this time.
  close_by timestamptz,
  closed_at timestamptz,
  close_reason text check (close_reason in ('rated','auto','answered')),
  return_reason text,
  paid_service boolean not null default false,
  -- Paid service (有偿服务) price in fen.
  price_fen int check (price_fen is null or (price_fen > 0 and price_fen <= 100000000)),
  rating smallint check (rating between 1 and 5),
  rating_comment text,
  rated_at timestamptz,
  -- Flagged once a deadline passed (by the escalation job, or when work was done late).
  overdue boolean not null default false,
  updated_at timestamptz not null,
  check (paid_service or price_fen is null),
  check (complete_by >= respond_by)
);
create index rep_orders_place on rep_orders (place_id);
create index rep_orders_compound on rep_orders (compound_id, reported_at);
create index rep_orders_company on rep_orders (company_id, reported_at);
create index rep_orders_resident on rep_orders (resident_person_id);
create index rep_orders_reporter on rep_orders (reported_by);
create index rep_orders_assignee on rep_orders (assignee_id);
create index rep_orders_reported on rep_orders (reported_at);
-- What the jobs look for: open orders past a deadline, finished orders past their close time.
create index rep_orders_open on rep_orders (status, complete_by) where status in ('submitted','accepted','dispatched','in_progress','reopened');
create index rep_orders_finished on rep_orders (close_by) where status = 'finished';

create table rep_photos (
  id uuid primary key,
  order_id uuid not null references rep_orders(id),
  place_id uuid not null references places(id),
  -- Taken when reporting, or when finishing the work.
  stage text not null check (stage in ('report','finish')),
  file_key text not null check (file_key ~ '^[0-9a-f]{64}$'),
  mime text not null check (mime in ('image/jpeg','image/png','image/webp')),
  size_bytes int not null check (size_bytes > 0),
  uploaded_by uuid not null references accounts(id),
  uploaded_at timestamptz not null
);
create index rep_photos_order on rep_photos (order_id);
create index rep_photos_key on rep_photos (file_key);

-- The order's timeline: who did what, when.
create table rep_events (
  id uuid primary key,
  order_id uuid not null references rep_orders(id),
  place_id uuid not null references places(id),
  at timestamptz not null,
  -- Null for the platform itself (escalation and auto-close jobs).
  actor_id uuid references accounts(id),
  actor_name text not null,
  action text not null,
  from_status text,
  to_status text,
  note text,
  detail jsonb
);
create index rep_events_order on rep_events (order_id, at);

create table rep_escalations (
  id uuid primary key,
  order_id uuid not null references rep_orders(id),
  -- The order's place, for scope; the community whose residents' committee receives it.
  place_id uuid not null references places(id),
  community_id uuid not null references places(id),
  committee_id uuid,
  kind text not null check (kind in ('response','completion')),
  due_at timestamptz not null,
  escalated_at timestamptz not null,
  supervised_at timestamptz,
  supervised_by uuid references accounts(id),
  supervisor_name text,
  supervision_note text,
  -- One escalation per missed deadline: the job may run any number of times.
  unique (order_id, kind, due_at)
);
create index rep_escalations_place on rep_escalations (place_id);
create index rep_escalations_community on rep_escalations (community_id, escalated_at);

-- Per-compound settings; a compound without a row uses the defaults in repairs.constants.ts.
create table rep_settings (
  place_id uuid primary key references places(id),
  auto_close_days int not null check (auto_close_days between 1 and 60),
  updated_at timestamptz not null,
  updated_by uuid references accounts(id)
);

create table rep_time_limits (
  place_id uuid not null references places(id),
  category text not null check (category in ('water','electric','elevator','doors','facility','environment','other')),
  response_minutes int not null check (response_minutes between 5 and 10080),
  completion_minutes int not null check (completion_minutes between 10 and 129600),
  updated_at timestamptz not null,
  primary key (place_id, category),
  check (completion_minutes >= response_minutes)
);
