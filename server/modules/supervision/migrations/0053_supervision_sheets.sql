-- 监督考评 (Supervision), part 1: indicator sheets (versioned; frozen once in use) and inspections on them. Every
-- row carries its street, which leads every key (docs/adr/0003-street-keys.md). Points are integer hundredths.

-- A sheet version: a street's standard of one kind. A version in use is frozen; a new version applies from the
-- quarter after the one it was activated in (applies_from), and the one it replaces is retired then.
create table sup_sheets (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null, -- the street whose standard it is
  kind text not null check (kind in ('property_service', 'civility')),
  name text not null check (length(name) between 1 and 100),
  version int not null check (version >= 1),
  applies_from text check (applies_from ~ '^\d{4}-Q[1-4]$'), -- null while a draft
  status text not null check (status in ('draft', 'active', 'retired')),
  is_demo boolean not null default false, -- demo content, to be replaced by the street's own
  frozen_at timestamptz, -- set when activated: from then on nothing of it changes
  created_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, place_id, kind, version),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index sup_sheets_id on sup_sheets (id);
comment on table sup_sheets is 'distribution: street';

-- Sections of a sheet with their weight in per cent (a sheet's sections add up to 100).
create table sup_sheet_sections (
  street_id uuid not null,
  id uuid not null,
  sheet_id uuid not null,
  position int not null,
  name text not null check (length(name) between 1 and 100),
  weight int not null check (weight between 0 and 100),
  primary key (street_id, id),
  unique (street_id, sheet_id, position),
  foreign key (street_id, sheet_id) references sup_sheets (street_id, id) on delete cascade
);
comment on table sup_sheet_sections is 'distribution: street';

-- An indicator: how it is scored and what evidence it needs. max_points and deduction_points in hundredths.
--   points    the inspector awards 0..max_points
--   deduction max_points − deduction_points × findings, not below 0
--   yes_no    max_points when met, else 0
-- An indicator whose required evidence is missing is credited 0.
create table sup_sheet_indicators (
  street_id uuid not null,
  id uuid not null,
  sheet_id uuid not null,
  section_id uuid not null,
  position int not null,
  code text not null check (length(code) between 1 and 20),
  name text not null check (length(name) between 1 and 200),
  guidance text not null default '',
  method text not null check (method in ('points', 'deduction', 'yes_no')),
  max_points int not null check (max_points > 0),
  deduction_points int check (deduction_points > 0),
  evidence text not null check (evidence in ('none', 'photo', 'document', 'photo_or_document')),
  primary key (street_id, id),
  unique (street_id, sheet_id, code),
  check ((method = 'deduction') = (deduction_points is not null)),
  foreign key (street_id, sheet_id) references sup_sheets (street_id, id) on delete cascade,
  foreign key (street_id, section_id) references sup_sheet_sections (street_id, id) on delete cascade
);
comment on table sup_sheet_indicators is 'distribution: street';

-- An inspection of a compound on the sheet in force for its period. score_centi: 0..10000, the score out of 100
-- in hundredths, set on submission (the assessment reads submitted ones only).
create table sup_inspections (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null, -- the compound
  company_id uuid, -- the compound's property company when inspected (null: none)
  sheet_id uuid not null,
  period text not null check (period ~ '^\d{4}-Q[1-4]$'),
  inspector_id uuid not null references accounts(id),
  inspector_name text not null,
  status text not null check (status in ('draft', 'submitted')),
  score_centi int check (score_centi between 0 and 10000),
  note text not null default '',
  started_at timestamptz not null default now(),
  submitted_at timestamptz,
  primary key (street_id, id),
  check ((status = 'submitted') = (submitted_at is not null and score_centi is not null)),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, sheet_id) references sup_sheets (street_id, id)
);
create index sup_inspections_id on sup_inspections (id);
create index sup_inspections_period on sup_inspections (street_id, period, place_id) where status = 'submitted';
comment on table sup_inspections is 'distribution: street';

-- One indicator of an inspection: what the inspector entered and the points credited (after the evidence rule).
create table sup_inspection_items (
  street_id uuid not null,
  inspection_id uuid not null,
  indicator_id uuid not null,
  awarded_points int check (awarded_points >= 0), -- method points
  findings int not null default 0 check (findings >= 0), -- method deduction: problems found
  met boolean, -- method yes_no
  credited_points int check (credited_points >= 0), -- set on submission
  note text not null default '',
  updated_at timestamptz not null default now(),
  primary key (street_id, inspection_id, indicator_id),
  foreign key (street_id, inspection_id) references sup_inspections (street_id, id) on delete cascade,
  foreign key (street_id, indicator_id) references sup_sheet_indicators (street_id, id)
);
comment on table sup_inspection_items is 'distribution: street';

-- Evidence for an indicator of an inspection: a photo (from a phone) or a document.
create table sup_inspection_files (
  street_id uuid not null,
  id uuid not null,
  inspection_id uuid not null,
  indicator_id uuid not null,
  kind text not null check (kind in ('photo', 'document')),
  file_key text not null,
  file_name text not null default '',
  mime text not null,
  size_bytes int not null,
  uploaded_by uuid references accounts(id),
  uploaded_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, inspection_id) references sup_inspections (street_id, id) on delete cascade
);
create index sup_inspection_files_item on sup_inspection_files (street_id, inspection_id, indicator_id);
comment on table sup_inspection_files is 'distribution: street';
