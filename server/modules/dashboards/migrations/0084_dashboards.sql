-- 驾驶舱 (Dashboards): the monthly dispatch reports (月度调度通报), kept per place and month so that months compare
-- as they were printed. The figures themselves live in the kernel's figure_snapshots; a report is what was dispatched:
-- the figures and their change, the lagging places, the open and overdue work, as built (content, JSON).
create table dash_reports (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  built_at timestamptz not null,
  built_by uuid references accounts(id), -- null: the monthly job
  content jsonb not null,
  primary key (street_id, id),
  unique (street_id, place_id, period),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index dash_reports_id on dash_reports (id);
create index dash_reports_period on dash_reports (period, street_id);
comment on table dash_reports is 'distribution: street';

-- A city's or district's report: the sum over its streets, one row per region and month.
create table dash_region_reports (
  id uuid primary key,
  region_id uuid not null references regions(id),
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  built_at timestamptz not null,
  built_by uuid references accounts(id),
  content jsonb not null,
  unique (region_id, period)
);
comment on table dash_region_reports is 'distribution: reference — a city''s or district''s monthly report: a row per region and month, written once a month';
