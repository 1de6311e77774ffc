-- Owners' collective decisions (业主共同决定, Civil Code art. 278): the filed rules of procedure, decisions and
-- their items, the frozen roll, deliveries, ballots and inspection requests. Every row carries its street,
-- which leads every key (docs/adr/0003-street-keys.md).

-- 议事规则: a compound's owners' assembly's rules of procedure, versioned. Each setting cites its clause.
create table dec_rules (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  version integer not null check (version > 0),
  title text not null check (length(title) between 1 and 100),
  status text not null check (status in ('draft', 'confirmed', 'in_force', 'superseded')),
  settings jsonb not null,
  created_by uuid references accounts(id),
  created_at timestamptz not null,
  confirmed_by uuid references accounts(id),
  confirmed_by_name text,
  confirmed_at timestamptz,
  in_force_at timestamptz,
  superseded_at timestamptz,
  primary key (street_id, id),
  unique (street_id, compound_id, version),
  foreign key (street_id, compound_id) references street_places (street_id, id)
);
create unique index dec_rules_one_in_force on dec_rules (street_id, compound_id) where status = 'in_force';
create index dec_rules_id on dec_rules (id);
comment on table dec_rules is 'distribution: street';

create table dec_decisions (
  street_id uuid not null,
  id uuid not null,
  -- The scope whose owners decide: the compound, a building, a unit's stairwell.
  place_id uuid not null,
  compound_id uuid not null,
  title text not null check (length(title) between 1 and 100),
  description text not null default '' check (length(description) <= 4000),
  organiser_kind text not null check (organiser_kind in ('owners_committee', 'preparatory_group', 'residents_committee')),
  organiser_authority text not null check (length(organiser_authority) between 1 and 500),
  status text not null check (status in ('draft', 'roll_published', 'open', 'closed', 'published')),
  voting_days integer not null check (voting_days between 1 and 90),
  objection_until date,
  opens_at timestamptz,
  closes_at timestamptz,
  -- Days added to the voting period, once, within the rules' extension (0: not extended).
  extended_days integer not null default 0,
  closed_at timestamptz,
  published_at timestamptz,
  -- The rules in force when it opened, copied whole: later versions never change a running vote.
  rules_id uuid,
  rules jsonb,
  roll_version integer not null default 0,
  roll_published_at timestamptz,
  total_area_centi bigint,
  total_heads integer,
  scrutineer_ids uuid[] not null default '{}',
  result jsonb,
  created_by uuid references accounts(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, compound_id) references street_places (street_id, id)
);
create index dec_decisions_id on dec_decisions (id);
create index dec_decisions_place on dec_decisions (place_id, created_at desc);
comment on table dec_decisions is 'distribution: street';

create table dec_items (
  street_id uuid not null,
  decision_id uuid not null,
  no integer not null check (no between 1 and 50),
  title text not null check (length(title) between 1 and 200),
  -- Civil Code art. 278 ¶1, items 1–9: it sets the thresholds.
  matter integer not null check (matter between 1 and 9),
  legal_basis text not null check (length(legal_basis) between 1 and 500),
  description text not null default '' check (length(description) <= 4000),
  attachments jsonb not null default '[]',
  primary key (street_id, decision_id, no),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id)
);
comment on table dec_items is 'distribution: street';

-- 表决名册: one row per head (roll.ts says who is one head), frozen when published.
create table dec_roll_entries (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  no integer not null,
  kind text not null check (kind in ('owners', 'developer')),
  area_centi bigint not null check (area_centi >= 0),
  person_ids uuid[] not null default '{}',
  organisation_ids uuid[] not null default '{}',
  representative_id uuid,
  -- Owners' names as the roll shows them to everyone: masked (张*, 李*明).
  label text not null,
  -- Merged into another entry during the objection period (the same owner imported twice).
  merged_into uuid,
  primary key (street_id, id),
  unique (street_id, decision_id, no),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id)
);
create index dec_roll_entries_decision on dec_roll_entries (street_id, decision_id);
create index dec_roll_entries_persons on dec_roll_entries using gin (person_ids);
comment on table dec_roll_entries is 'distribution: street';

create table dec_roll_parts (
  street_id uuid not null,
  decision_id uuid not null,
  room_id uuid not null,
  entry_id uuid not null,
  area_centi bigint not null check (area_centi >= 0),
  area_source text not null,
  use text not null,
  room_label text not null,
  delivered boolean not null,
  primary key (street_id, decision_id, room_id),
  foreign key (street_id, entry_id) references dec_roll_entries (street_id, id)
);
create index dec_roll_parts_entry on dec_roll_parts (street_id, entry_id);
comment on table dec_roll_parts is 'distribution: street';

-- Opening the materials on the H5 is recorded as delivery (送达), the first time per owner.
create table dec_deliveries (
  street_id uuid not null,
  decision_id uuid not null,
  entry_id uuid not null,
  account_id uuid not null references accounts(id),
  channel text not null check (channel in ('h5')),
  opened_at timestamptz not null,
  primary key (street_id, decision_id, entry_id, account_id),
  foreign key (street_id, entry_id) references dec_roll_entries (street_id, id)
);
comment on table dec_deliveries is 'distribution: street';

create table dec_ballots (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  entry_id uuid not null,
  account_id uuid references accounts(id),
  channel text not null check (channel in ('online')),
  -- Item number → 'for' | 'against' | 'abstain'.
  choices jsonb not null,
  status text not null check (status in ('counted', 'superseded')),
  superseded_by uuid,
  -- The client's key for one attempt: a retry answers with the ballot already recorded.
  request_key text not null check (length(request_key) between 8 and 80),
  cast_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, decision_id, request_key),
  foreign key (street_id, entry_id) references dec_roll_entries (street_id, id)
);
-- At most one counted ballot per head: the tally counts each head once.
create unique index dec_ballots_one_counted on dec_ballots (street_id, decision_id, entry_id) where status = 'counted';
create index dec_ballots_decision on dec_ballots (street_id, decision_id, status);
comment on table dec_ballots is 'distribution: street';

-- An owner's request to inspect the ballots (SPC interpretation art. 13): recorded, audited, answered.
create table dec_inspections (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  account_id uuid not null references accounts(id),
  reason text not null check (length(reason) between 1 and 500),
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id)
);
comment on table dec_inspections is 'distribution: street';

-- Owners' objections to the roll during the objection period, answered by the organiser.
create table dec_objections (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  account_id uuid not null references accounts(id),
  text text not null check (length(text) between 1 and 500),
  status text not null check (status in ('open', 'answered')),
  answer text,
  created_at timestamptz not null,
  answered_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id)
);
comment on table dec_objections is 'distribution: street';
