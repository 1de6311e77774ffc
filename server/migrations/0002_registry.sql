-- Registry: compounds and rooms (details of places), people, households, organisations, positions.

create table reg_organisations (
  id uuid primary key,
  place_id uuid not null references places(id),
  kind text not null check (kind in (
    'party_org','residents_committee','owners_assembly','owners_committee','property_committee',
    'property_company','social_org','department','assessor','developer')),
  name text not null check (length(trim(name)) > 0),
  -- Party organisations form a 4-level tree: street working committee → community branch →
  -- compound/grid branch → building group.
  parent_id uuid references reg_organisations(id),
  party_level text check (party_level in ('street_committee','community_branch','compound_branch','building_group')),
  credit_code text,
  contact_phone_enc text,
  contact_phone_masked text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (place_id, kind, name)
);
create index reg_organisations_place on reg_organisations (place_id);
create index reg_organisations_parent on reg_organisations (parent_id);

create table reg_compounds (
  place_id uuid primary key references places(id),
  management_mode text not null check (management_mode in (
    'professional','party_led_company','state_fallback','collective','self_managed','none')),
  property_company_id uuid references reg_organisations(id),
  address text,
  updated_at timestamptz not null default now()
);
create index reg_compounds_company on reg_compounds (property_company_id);

create table reg_rooms (
  place_id uuid primary key references places(id),
  floor int,
  -- Exclusive area (专有部分面积) in hundredths of m²: legal thresholds need exact sums.
  area_centi int not null check (area_centi > 0 and area_centi < 100000000),
  area_source text not null check (area_source in ('register','surveyed','contract')),
  use text not null check (use in ('residential','commercial','parking')),
  updated_at timestamptz not null default now()
);

create table reg_persons (
  id uuid primary key,
  -- The place that registered this person (for scope when they hold no room).
  place_id uuid not null references places(id),
  name text not null check (length(trim(name)) > 0),
  phone_enc text,
  phone_hash text,
  phone_masked text,
  id_number_enc text,
  id_number_hash text unique,
  id_number_masked text,
  tags text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index reg_persons_place on reg_persons (place_id);
create index reg_persons_phone_hash on reg_persons (phone_hash);
create index reg_persons_name on reg_persons (name text_pattern_ops);

create table reg_households (
  id uuid primary key,
  room_id uuid not null references reg_rooms(place_id),
  -- Exactly one holder: a person, or an organisation (the developer 建设单位 holding unsold rooms).
  person_id uuid references reg_persons(id),
  organisation_id uuid references reg_organisations(id),
  relation text not null check (relation in ('owner','co_owner','tenant','family')),
  -- Ownership share in basis points (10000 = 100%) for owners and co-owners.
  share_bp int check (share_bp between 1 and 10000),
  start_date date,
  end_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((person_id is null) <> (organisation_id is null)),
  check (organisation_id is null or relation = 'owner'),
  check (end_date is null or start_date is null or end_date >= start_date)
);
create index reg_households_room on reg_households (room_id);
create index reg_households_person on reg_households (person_id);
create unique index reg_households_current on reg_households (room_id, coalesce(person_id, organisation_id), relation)
  where end_date is null;

create table reg_positions (
  id uuid primary key,
  person_id uuid not null references reg_persons(id),
  organisation_id uuid not null references reg_organisations(id),
  title text not null check (length(trim(title)) > 0),
  -- Building leaders and grid workers are attached to their building or grid.
  place_id uuid references places(id),
  term_start date,
  term_end date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (term_end is null or term_start is null or term_end >= term_start)
);
create index reg_positions_person on reg_positions (person_id);
create index reg_positions_org on reg_positions (organisation_id);
