-- Figures with history (kernel/figures): each module declares its figures; a month-end job (and an
-- official, on demand) keeps every figure's parts for every place of a street, one row per month.

create table figure_snapshots (
  street_id uuid not null,
  figure_key text not null,
  place_id uuid not null,
  -- The month, 'YYYY-MM', in Asia/Shanghai.
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  numerator bigint not null check (numerator >= 0),
  denominator bigint check (denominator >= 0),
  -- The instant the parts were counted up to (exclusive): the month's end, or the moment of an on-demand take.
  counted_to timestamptz not null,
  taken_at timestamptz not null,
  -- Who asked for it; null for the month-end job.
  taken_by uuid,
  primary key (street_id, figure_key, place_id, period),
  foreign key (street_id, place_id) references street_places (street_id, id) on delete cascade
);
-- A place's history of one figure, and a period's report across places.
create index figure_snapshots_period on figure_snapshots (street_id, period, figure_key);

comment on table figure_snapshots is 'distribution: street';
