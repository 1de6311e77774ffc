-- 监督考评 (Supervision), 红色业委会: owners' committees rated yearly on five fixed dimensions with evidence into one to
-- five stars. Every row carries its street, which leads every key (docs/adr/0003-street-keys.md). Scores are integer
-- hundredths (0..10000 = 0..100.00). A committee is a registry organisation of kind 'owners_committee'; the
-- registry's table is not referenced (a module keeps to its own tables): its id, name and compound are copied here.

-- A street's weights of the five dimensions (integers adding up to 100) and the lowest score of each star from two to
-- five (★1 is everything below ★2): the bands are half-open [min, next min), the top one including 100.
create table sup_committee_settings (
  street_id uuid not null,
  version int not null check (version >= 1),
  weights jsonb not null, -- {"party": 25, "rules": 20, …}
  star_mins jsonb not null, -- {"2": 6000, "3": 7000, "4": 8000, "5": 9000}
  updated_by uuid references accounts(id),
  updated_at timestamptz not null default now(),
  primary key (street_id)
);
comment on table sup_committee_settings is 'distribution: street';

-- One rating of a committee for a year: a draft the rater fills in, then submitted (frozen) with its weighted score,
-- its stars and a copy of the settings used. At most one per committee and year.
create table sup_committee_ratings (
  street_id uuid not null,
  id uuid not null,
  committee_id uuid not null,
  committee_name text not null,
  compound_id uuid not null,
  period text not null check (period ~ '^\d{4}$'),
  status text not null check (status in ('draft', 'submitted')),
  rater_id uuid not null references accounts(id),
  rater_name text not null,
  created_at timestamptz not null,
  score_centi int check (score_centi between 0 and 10000),
  stars int check (stars between 1 and 5),
  settings jsonb,
  submitted_at timestamptz,
  primary key (street_id, id),
  unique (street_id, committee_id, period),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  check ((status = 'submitted') = (submitted_at is not null)),
  check ((status = 'submitted') = (score_centi is not null and stars is not null and settings is not null))
);
create index sup_committee_ratings_period on sup_committee_ratings (street_id, period, status);
comment on table sup_committee_ratings is 'distribution: street';

-- A dimension's score and note on a rating.
create table sup_committee_scores (
  street_id uuid not null,
  rating_id uuid not null,
  dimension text not null check (dimension in ('party', 'rules', 'effectiveness', 'evaluation', 'innovation')),
  score_centi int not null check (score_centi between 0 and 10000),
  note text not null default '' check (length(note) <= 1000),
  primary key (street_id, rating_id, dimension),
  foreign key (street_id, rating_id) references sup_committee_ratings (street_id, id) on delete cascade
);
comment on table sup_committee_scores is 'distribution: street';

-- The evidence of a dimension (photos, scanned minutes, PDFs): a submitted rating needs at least one per dimension.
create table sup_committee_files (
  street_id uuid not null,
  id uuid not null,
  rating_id uuid not null,
  dimension text not null check (dimension in ('party', 'rules', 'effectiveness', 'evaluation', 'innovation')),
  file_key text not null,
  file_name text not null,
  mime text not null,
  size_bytes int not null check (size_bytes > 0),
  uploaded_by uuid not null references accounts(id),
  uploaded_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, rating_id) references sup_committee_ratings (street_id, id) on delete cascade
);
create index sup_committee_files_rating on sup_committee_files (street_id, rating_id, dimension);
comment on table sup_committee_files is 'distribution: street';
