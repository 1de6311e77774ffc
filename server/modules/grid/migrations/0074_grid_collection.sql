-- Grid collection (四个实有): the street commissions property companies to collect in compounds and sets the
-- per-record incentive and the spot-check share; grid workers and commissioned property staff submit records
-- (residents arriving or leaving a room with the rental registration, legal persons and shops, public components);
-- the residents' committee checks each exactly once: verified as new (applied to the registry through its public
-- face, or to the actuals below), already known, or wrong. Every row carries its street (docs/adr/0003-street-keys.md).

-- The street's settings: the incentive per verified new record (fen) and the share drawn for spot checks (basis points).
create table grid_collection_settings (
  street_id uuid primary key,
  incentive_fen integer not null default 500 check (incentive_fen between 0 and 100000),
  spot_check_bp integer not null default 1000 check (spot_check_bp between 0 and 10000),
  updated_at timestamptz not null default now(),
  updated_by uuid references accounts (id)
);
comment on table grid_collection_settings is 'distribution: street';

-- 委托采集: a property company commissioned to collect in a compound from a day until a day (inclusive; open-ended when null).
create table grid_commissions (
  street_id uuid not null,
  id uuid not null,
  company_id uuid not null,
  company_name text not null,
  compound_id uuid not null,
  valid_from date not null,
  valid_until date,
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid references accounts (id),
  primary key (street_id, id),
  check (valid_until is null or valid_until >= valid_from)
);
create index grid_commissions_id on grid_commissions (id);
create index grid_commissions_compound on grid_commissions (street_id, compound_id, company_id);
comment on table grid_commissions is 'distribution: street';

-- The actual legal persons and shops (实有法人) and public components (实有部件) verified records made or updated.
create table grid_legal_persons (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  name text not null,
  credit_code text,
  kind text not null check (kind in ('shop', 'company', 'individual_business', 'social_org', 'other')),
  contact text not null default '',
  location text not null default '',
  record_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (street_id, id)
);
create index grid_legal_persons_id on grid_legal_persons (id);
create index grid_legal_persons_place on grid_legal_persons (street_id, place_id);
comment on table grid_legal_persons is 'distribution: street';

create table grid_components (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  kind text not null check (kind in ('fire_hydrant', 'camera', 'street_lamp', 'manhole_cover', 'fitness_equipment', 'ev_charger', 'other')),
  location text not null default '',
  condition text not null check (condition in ('good', 'damaged', 'missing')),
  record_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id)
);
create index grid_components_id on grid_components (id);
create index grid_components_place on grid_components (street_id, place_id);
comment on table grid_components is 'distribution: street';

-- A collected record. `place_id` is the room (resident records), or the compound or building (legal persons,
-- components); `compound_id` the compound above it. A property company's record carries the company (payee of
-- the incentive); a grid worker's none. Checked exactly once: one conditional update from 'submitted'.
create table grid_records (
  street_id uuid not null,
  id uuid not null,
  kind text not null check (kind in ('resident_arrival', 'resident_departure', 'legal_person', 'component')),
  status text not null default 'submitted' check (status in ('submitted', 'verified', 'known', 'wrong')),
  place_id uuid not null,
  compound_id uuid not null,
  company_id uuid,
  company_name text,
  submitted_by uuid references accounts (id),
  submitted_by_name text not null default '',
  submitted_at timestamptz not null default now(),
  -- Resident records: the person (ID number and phone encrypted; masked for display; hash to find them again).
  person_name text,
  phone_enc text,
  phone_masked text,
  id_number_enc text,
  id_number_hash text,
  id_number_masked text,
  relation text check (relation in ('owner', 'co_owner', 'tenant', 'family')),
  share_bp integer check (share_bp between 1 and 10000),
  event_date date,
  -- A departure's person, as the registry holds them.
  person_id uuid,
  -- 出租登记 of a tenant: the landlord (a current member of the room, or a name) and the contract.
  landlord_person_id uuid,
  landlord_name text,
  contract_start date,
  contract_end date,
  -- Legal persons and components.
  subject_name text,
  credit_code text,
  legal_kind text check (legal_kind in ('shop', 'company', 'individual_business', 'social_org', 'other')),
  contact text,
  location text,
  component_kind text check (component_kind in ('fire_hydrant', 'camera', 'street_lamp', 'manhole_cover', 'fitness_equipment', 'ev_charger', 'other')),
  condition text check (condition in ('good', 'damaged', 'missing')),
  component_id uuid,
  note text not null default '',
  -- The check.
  checked_at timestamptz,
  checked_by uuid references accounts (id),
  checked_by_name text,
  check_reason text,
  -- What verification did: the registry's answer (applied / pending_approval with its approval), or the actual made.
  registry_outcome text check (registry_outcome in ('applied', 'pending_approval')),
  approval_id uuid,
  registry_person_id uuid,
  household_id uuid,
  actual_id uuid,
  -- The incentive in force when verified (fen), for a commissioned company's verified new record.
  incentive_fen integer,
  -- Spot check (抽查): null = not drawn; drawn records are paid only once passed.
  spot_status text check (spot_status in ('pending', 'passed', 'failed')),
  spot_note text,
  spot_checked_at timestamptz,
  spot_checked_by uuid references accounts (id),
  primary key (street_id, id),
  check ((status = 'submitted') = (checked_at is null)),
  check (contract_end is null or contract_start is null or contract_end >= contract_start)
);
create index grid_records_id on grid_records (id);
create index grid_records_status on grid_records (street_id, status, submitted_at);
create index grid_records_place on grid_records (street_id, place_id);
create index grid_records_company on grid_records (street_id, company_id, checked_at) where company_id is not null;
comment on table grid_records is 'distribution: street';
