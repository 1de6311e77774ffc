-- Grid work, emergency part (issue 25 §3): emergency mode over a place (compound, community or street), duty rosters
-- by day and post, door-to-door screening (入户排查) with one row per household, assignment of buildings to visitors,
-- one visitor per household at a time (a lease), each mark's history, and volunteer call-ups with slots. Every row
-- carries its street, the distribution key (docs/adr/0003-street-keys.md). After the end every record is read-only
-- (the use cases check the declaration is active, holding its row for share).

create table grid_emergency_declarations (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  level text not null check (level in ('general', 'larger', 'major')),
  reason text not null check (length(reason) between 1 and 500),
  status text not null default 'active' check (status in ('active', 'ended')),
  declared_by uuid references accounts (id),
  declared_by_name text not null default '',
  declared_at timestamptz not null,
  ended_by uuid references accounts (id),
  ended_by_name text not null default '',
  ended_at timestamptz,
  summary text not null default '' check (length(summary) <= 500),
  residents_notified integer not null default 0,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index grid_emergency_declarations_id on grid_emergency_declarations (id);
-- One active declaration per place.
create unique index grid_emergency_declarations_active on grid_emergency_declarations (street_id, place_id) where status = 'active';
comment on table grid_emergency_declarations is 'distribution: street';

-- Who is on duty on a day at a post: a staff account or a volunteer (a person), with the shift.
create table grid_emergency_rosters (
  street_id uuid not null,
  id uuid not null,
  declaration_id uuid not null,
  day date not null,
  post text not null check (post in ('command', 'watch', 'patrol', 'supplies', 'visits')),
  account_id uuid references accounts (id),
  person_id uuid,
  name text not null,
  phone_masked text not null default '',
  shift_start text not null check (shift_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  shift_end text not null check (shift_end ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$'),
  note text not null default '',
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, declaration_id) references grid_emergency_declarations (street_id, id)
);
create index grid_emergency_rosters_declaration on grid_emergency_rosters (street_id, declaration_id, day);
create index grid_emergency_rosters_id on grid_emergency_rosters (id);
comment on table grid_emergency_rosters is 'distribution: street';

-- A declaration's door-to-door screening and its checklist (at most one per declaration).
create table grid_emergency_screenings (
  street_id uuid not null,
  id uuid not null,
  declaration_id uuid not null,
  questions text[] not null check (cardinality(questions) between 1 and 20),
  created_by uuid references accounts (id),
  created_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, declaration_id),
  foreign key (street_id, declaration_id) references grid_emergency_declarations (street_id, id)
);
create index grid_emergency_screenings_id on grid_emergency_screenings (id);
comment on table grid_emergency_screenings is 'distribution: street';

-- One row per household (a room with a current household) under the place, with its labels, its status, the
-- checklist's answers and the visitor's lease (claimed_by until claimed_until).
create table grid_emergency_households (
  street_id uuid not null,
  id uuid not null,
  screening_id uuid not null,
  room_id uuid not null,
  building_id uuid not null,
  building text not null default '',
  unit text not null default '',
  room text not null default '',
  seq integer not null,
  status text not null default 'pending' check (status in ('pending', 'visited', 'nobody_home', 'refused', 'needs_help')),
  need text not null default '',
  answers jsonb not null default '{}',
  claimed_by uuid references accounts (id),
  claimed_name text not null default '',
  claimed_until timestamptz,
  marked_by uuid references accounts (id),
  marked_name text not null default '',
  marked_at timestamptz,
  primary key (street_id, id),
  unique (street_id, screening_id, room_id),
  foreign key (street_id, screening_id) references grid_emergency_screenings (street_id, id),
  check (status <> 'needs_help' or length(need) > 0)
);
create index grid_emergency_households_id on grid_emergency_households (id);
create index grid_emergency_households_building on grid_emergency_households (street_id, screening_id, building_id, status);
comment on table grid_emergency_households is 'distribution: street';

create table grid_emergency_household_marks (
  street_id uuid not null,
  id uuid not null,
  household_id uuid not null,
  status text not null,
  need text not null default '',
  answers jsonb not null default '{}',
  corrected boolean not null default false,
  note text not null default '',
  by_account uuid references accounts (id),
  by_name text not null default '',
  at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, household_id) references grid_emergency_households (street_id, id)
);
create index grid_emergency_household_marks_household on grid_emergency_household_marks (street_id, household_id, at);
comment on table grid_emergency_household_marks is 'distribution: street';

-- A building assigned to a visitor: a staff account, or a volunteer (their person's account).
create table grid_emergency_assignments (
  street_id uuid not null,
  id uuid not null,
  screening_id uuid not null,
  building_id uuid not null,
  account_id uuid not null references accounts (id),
  kind text not null check (kind in ('staff', 'volunteer')),
  visitor_name text not null,
  assigned_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, screening_id, building_id, account_id),
  foreign key (street_id, screening_id) references grid_emergency_screenings (street_id, id)
);
create index grid_emergency_assignments_account on grid_emergency_assignments (account_id);
comment on table grid_emergency_assignments is 'distribution: street';

-- A call-up of the place's approved volunteers: N slots, taken by accepting (at most N).
create table grid_emergency_callups (
  street_id uuid not null,
  id uuid not null,
  declaration_id uuid not null,
  task text not null check (length(task) between 1 and 200),
  slots integer not null check (slots between 1 and 500),
  taken integer not null default 0 check (taken >= 0 and taken <= slots),
  meeting_point text not null default '',
  meet_at timestamptz not null,
  created_by uuid references accounts (id),
  created_at timestamptz not null,
  notified integer not null default 0,
  primary key (street_id, id),
  foreign key (street_id, declaration_id) references grid_emergency_declarations (street_id, id)
);
create index grid_emergency_callups_id on grid_emergency_callups (id);
create index grid_emergency_callups_declaration on grid_emergency_callups (street_id, declaration_id);
comment on table grid_emergency_callups is 'distribution: street';

create table grid_emergency_callup_answers (
  street_id uuid not null,
  callup_id uuid not null,
  person_id uuid not null,
  account_id uuid references accounts (id),
  name text not null,
  answer text not null check (answer in ('accepted', 'declined')),
  at timestamptz not null,
  primary key (street_id, callup_id, person_id),
  foreign key (street_id, callup_id) references grid_emergency_callups (street_id, id)
);
comment on table grid_emergency_callup_answers is 'distribution: street';
