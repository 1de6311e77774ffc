-- 监督考评 (Supervision), Supervision 2/2 part "credit": property companies' credit records, the street's published
-- credit formula, and credit repair (信用修复). Every row carries its street, which leads every key
-- (docs/adr/0003-street-keys.md). Points and scores are integer hundredths (8000 = 80.00).

-- The street's credit formula, one row per version: a grade at an instant uses the version in force then (the
-- latest saved at or before it), so a grade already published stays explainable after the rules change.
create table sup_credit_settings (
  street_id uuid not null,
  version int not null check (version >= 1),
  base_centi int not null check (base_centi between 0 and 100000),
  cap_centi int not null check (cap_centi between 0 and 100000),
  validity_months int not null check (validity_months between 1 and 120),
  bands jsonb not null, -- [{"grade": "AAA", "from": 11000, "to": 12000}, …] tiling [0, base + cap]
  kinds jsonb not null, -- {"assessment_green": {"points": 500, "basis": "…"}, "award": {"min": 200, "max": 1000, "basis": "…"}, …}
  updated_by uuid references accounts(id),
  updated_at timestamptz not null,
  primary key (street_id, version)
);
comment on table sup_credit_settings is 'distribution: street';

-- A good (points > 0) or bad (points < 0) record of a company at a street. Automatic records name their source
-- (an assessment's compound and period, a rectification notice): one record per kind and source, so a sync run
-- twice adds nothing. A record carries the points, basis and expiry of the settings it was made under. A repaired
-- record stops counting at repaired_at (not before).
create table sup_credit_records (
  street_id uuid not null,
  id uuid not null,
  company_id uuid not null, -- the registry's property company (an organisation of the street)
  company_name text not null,
  kind text not null check (kind in ('assessment_green', 'assessment_blue', 'assessment_yellow', 'assessment_red',
    'notice_overdue', 'notice_reissued', 'complaint_upheld', 'award')),
  points_centi int not null check (points_centi <> 0),
  basis text not null check (length(basis) between 1 and 200),
  source_type text not null check (source_type in ('assessment', 'notice', 'manual')),
  source_id text not null, -- 'period:compound id', the notice id, or the record's own id for a manual record
  source_label text not null, -- what a reader sees: 2026-Q3 阳光花园 绿色, 整改〔2026〕第 001 号
  compound_id uuid, -- the compound the record is about, when there is one
  occurred_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > occurred_at),
  note text not null default '' check (length(note) <= 1000),
  settings_version int not null check (settings_version >= 0), -- 0: the defaults, before the street saved any
  created_by uuid references accounts(id), -- null: the sync (job or button run by the system)
  created_at timestamptz not null,
  repaired_at timestamptz,
  repair_id uuid,
  primary key (street_id, id),
  unique (street_id, kind, source_type, source_id),
  check ((repaired_at is null) = (repair_id is null)),
  check (repaired_at is null or points_centi < 0)
);
create index sup_credit_records_company on sup_credit_records (street_id, company_id, occurred_at);
create index sup_credit_records_id on sup_credit_records (id);
comment on table sup_credit_records is 'distribution: street';

-- A company's application to repair a bad record with its rectification evidence; the street approves or rejects
-- it with a reason. At most one pending application per record.
create table sup_credit_repairs (
  street_id uuid not null,
  id uuid not null,
  record_id uuid not null,
  company_id uuid not null,
  company_name text not null,
  status text not null check (status in ('pending', 'approved', 'rejected')),
  statement text not null check (length(statement) between 1 and 2000),
  applied_by uuid not null references accounts(id),
  applicant_name text not null,
  applied_at timestamptz not null,
  decided_by uuid references accounts(id),
  decider_name text,
  decided_at timestamptz,
  reason text check (reason is null or length(reason) between 1 and 1000),
  primary key (street_id, id),
  foreign key (street_id, record_id) references sup_credit_records (street_id, id),
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'rejected' or reason is not null)
);
create unique index sup_credit_repairs_one_pending on sup_credit_repairs (street_id, record_id) where status = 'pending';
create index sup_credit_repairs_status on sup_credit_repairs (street_id, status, applied_at);
create index sup_credit_repairs_id on sup_credit_repairs (id);
comment on table sup_credit_repairs is 'distribution: street';

-- Evidence files (kernel.files keys) of a manual record or of a repair application.
create table sup_credit_files (
  street_id uuid not null,
  id uuid not null,
  owner_type text not null check (owner_type in ('record', 'repair')),
  owner_id uuid not null,
  file_key text not null,
  file_name text not null default '',
  mime text not null,
  size_bytes int not null check (size_bytes >= 0),
  uploaded_by uuid references accounts(id),
  uploaded_at timestamptz not null,
  primary key (street_id, id)
);
create index sup_credit_files_owner on sup_credit_files (street_id, owner_type, owner_id);
create index sup_credit_files_key on sup_credit_files (file_key);
create index sup_credit_files_id on sup_credit_files (id);
comment on table sup_credit_files is 'distribution: street';
