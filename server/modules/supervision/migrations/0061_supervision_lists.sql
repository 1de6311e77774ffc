-- 监督考评 (Supervision), the lists part: the red and black list (红黑榜) of property companies per street and quarter,
-- appeals against black entries and the measures the street's rules provide. Every row carries its street, which
-- leads every key (docs/adr/0003-street-keys.md).

-- A street's list rules: the grade thresholds of the red and black lists with the clauses they stand on, the appeal
-- window and the catalogue of measures (each kind with its clause). Every save steps the version; a publication
-- keeps a copy of the rules it was made with.
create table sup_list_rules (
  street_id uuid not null,
  version int not null check (version >= 1),
  red_from text not null check (red_from in ('AAA', 'AA', 'A', 'B', 'C')),
  red_basis text not null check (length(red_basis) between 1 and 500),
  black_from text not null check (black_from in ('AAA', 'AA', 'A', 'B', 'C')),
  black_basis text not null check (length(black_basis) between 1 and 500),
  appeal_days int not null check (appeal_days between 1 and 60),
  measures jsonb not null, -- [{"kind": "interview", "basis": "…"}, …], at least one, kinds distinct
  updated_by uuid references accounts(id),
  updated_at timestamptz not null,
  primary key (street_id)
);
comment on table sup_list_rules is 'distribution: street';

-- One publication of a street's list for a quarter: the grades as of `as_of` (the quarter's end, or the moment of
-- publishing while the quarter runs) sorted by the rules copied here. One per street and quarter.
create table sup_list_publications (
  street_id uuid not null,
  id uuid not null,
  period text not null check (period ~ '^\d{4}-Q[1-4]$'),
  as_of timestamptz not null,
  rules jsonb not null,
  rules_version int not null,
  published_at timestamptz not null,
  published_by uuid references accounts(id),
  published_by_name text not null,
  primary key (street_id, id),
  unique (street_id, period)
);
comment on table sup_list_publications is 'distribution: street';

-- A company on a published list: its grade and score as of the publication, the clause that put it there, and for
-- a black entry the last instant to appeal; `removed_at` when an upheld appeal took it off the list.
create table sup_list_entries (
  street_id uuid not null,
  id uuid not null,
  publication_id uuid not null,
  company_id uuid not null,
  company_name text not null,
  list text not null check (list in ('red', 'black')),
  grade text not null check (grade in ('AAA', 'AA', 'A', 'B', 'C')),
  score_centi int not null,
  basis text not null,
  appeal_until timestamptz,
  removed_at timestamptz,
  primary key (street_id, id),
  unique (street_id, publication_id, company_id),
  foreign key (street_id, publication_id) references sup_list_publications (street_id, id),
  check ((list = 'black') = (appeal_until is not null)),
  check (removed_at is null or list = 'black')
);
create index sup_list_entries_company on sup_list_entries (street_id, company_id);
comment on table sup_list_entries is 'distribution: street';

-- The company's appeal against its black entry (one per entry) and the street's decision with its reasons.
create table sup_list_appeals (
  street_id uuid not null,
  id uuid not null,
  entry_id uuid not null,
  reasons text not null check (length(reasons) between 1 and 2000),
  submitted_by uuid not null references accounts(id),
  submitted_by_name text not null,
  submitted_at timestamptz not null,
  status text not null check (status in ('pending', 'upheld', 'rejected')),
  decision_reasons text check (length(decision_reasons) between 1 and 2000),
  decided_by uuid references accounts(id),
  decided_by_name text,
  decided_at timestamptz,
  primary key (street_id, id),
  unique (street_id, entry_id),
  foreign key (street_id, entry_id) references sup_list_entries (street_id, id),
  check ((status = 'pending') = (decided_at is null)),
  check ((status = 'pending') = (decision_reasons is null))
);
create index sup_list_appeals_pending on sup_list_appeals (street_id, status);
comment on table sup_list_appeals is 'distribution: street';

-- A measure taken on a black entry, of a kind the street's rules listed when it was recorded, citing that clause:
-- an interview (day, attendees, note), more inspections (how many extra, in which quarter) or a rectification plan
-- (due day; the company's upload marks it submitted).
create table sup_list_measures (
  street_id uuid not null,
  id uuid not null,
  entry_id uuid not null,
  kind text not null check (kind in ('interview', 'more_inspections', 'rectification_plan')),
  basis text not null check (length(basis) between 1 and 500),
  interview_on date,
  attendees text check (length(attendees) between 1 and 2000),
  extra_inspections int check (extra_inspections between 1 and 20),
  inspection_period text check (inspection_period ~ '^\d{4}-Q[1-4]$'),
  plan_due date,
  plan_note text check (length(plan_note) between 1 and 2000),
  plan_submitted_at timestamptz,
  note text check (length(note) between 1 and 2000),
  recorded_by uuid references accounts(id),
  recorded_by_name text not null,
  recorded_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, entry_id) references sup_list_entries (street_id, id),
  check (kind <> 'interview' or (interview_on is not null and attendees is not null)),
  check (kind <> 'more_inspections' or (extra_inspections is not null and inspection_period is not null)),
  check (kind <> 'rectification_plan' or plan_due is not null)
);
create index sup_list_measures_entry on sup_list_measures (street_id, entry_id);
comment on table sup_list_measures is 'distribution: street';

-- The files of an appeal (the company's evidence) and of a rectification plan (the plan the company uploads).
create table sup_list_files (
  street_id uuid not null,
  id uuid not null,
  appeal_id uuid,
  measure_id uuid,
  file_key text not null,
  file_name text not null,
  mime text not null,
  size_bytes int not null check (size_bytes > 0),
  uploaded_by uuid references accounts(id),
  uploaded_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, appeal_id) references sup_list_appeals (street_id, id),
  foreign key (street_id, measure_id) references sup_list_measures (street_id, id),
  check ((appeal_id is null) <> (measure_id is null))
);
create index sup_list_files_appeal on sup_list_files (street_id, appeal_id);
create index sup_list_files_measure on sup_list_files (street_id, measure_id);
comment on table sup_list_files is 'distribution: street';
