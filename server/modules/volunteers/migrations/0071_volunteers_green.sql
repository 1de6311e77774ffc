-- 认栽认养 (green adoption), issue 23 §5: a compound's green plots with their area, residents' adoptions of a plot for
-- a period (applied for, approved or rejected by the community or the property company, ended early), and the
-- adopters' care records (photos in vol_photos, subject 'care'). Areas are integers in hundredths of a square metre.

-- A green plot of a compound (「3栋东侧花坛」). Closed plots stay for history and leave the adoption rate's denominator.
create table vol_green_plots (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null, -- the compound
  name text not null check (length(name) between 1 and 60),
  area_centi integer not null check (area_centi > 0 and area_centi <= 100000000), -- hundredths of m², ≤ 1,000,000 m²
  location text not null default '' check (length(location) <= 100),
  description text not null default '' check (length(description) <= 500),
  closed_at timestamptz,
  closed_reason text check (length(closed_reason) <= 200),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check ((closed_at is null) = (closed_reason is null))
);
create index vol_green_plots_id on vol_green_plots (id);
create index vol_green_plots_place on vol_green_plots (street_id, place_id);
comment on table vol_green_plots is 'distribution: street';

-- A resident's adoption of a plot for [from_day, to_day] (at most two years), for themselves or their household (the
-- room, optional). Pending until approved (active) or rejected with a reason; an applicant may withdraw a pending one;
-- staff may end an active one early (ended_on: the first day it no longer covers). One active adoption per plot on
-- any day: use-cases/green-adoptions-decide.ts checks the overlap with the plot's row locked.
create table vol_green_adoptions (
  street_id uuid not null,
  id uuid not null,
  plot_id uuid not null,
  place_id uuid not null, -- the plot's compound
  person_id uuid not null,
  person_name text not null,
  account_id uuid references accounts (id),
  room_id uuid,
  room_label text,
  from_day date not null,
  to_day date not null,
  note text not null default '' check (length(note) <= 200),
  status text not null default 'pending' check (status in ('pending', 'active', 'rejected', 'withdrawn', 'ended')),
  reject_reason text check (length(reject_reason) <= 200),
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  ended_on date,
  end_reason text check (length(end_reason) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, plot_id) references vol_green_plots (street_id, id),
  check (to_day >= from_day and to_day < from_day + interval '2 years'),
  check ((status = 'rejected') = (reject_reason is not null)),
  check ((status = 'ended') = (ended_on is not null)),
  check ((status in ('active', 'ended', 'rejected')) = (decided_at is not null))
);
create index vol_green_adoptions_id on vol_green_adoptions (id);
create index vol_green_adoptions_plot on vol_green_adoptions (street_id, plot_id, status);
create index vol_green_adoptions_person on vol_green_adoptions (street_id, person_id);
create unique index vol_green_adoptions_one_pending on vol_green_adoptions (street_id, plot_id, person_id) where status = 'pending';
comment on table vol_green_adoptions is 'distribution: street';

-- A care record of an adoption: watering, weeding, planting … with a note and photos (vol_photos subject 'care').
create table vol_green_care (
  street_id uuid not null,
  id uuid not null,
  adoption_id uuid not null,
  plot_id uuid not null,
  place_id uuid not null, -- the plot's compound
  kind text not null check (kind in ('watering', 'weeding', 'planting', 'fertilising', 'pruning', 'cleaning')),
  note text not null default '' check (length(note) <= 500),
  person_id uuid not null,
  person_name text not null,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, adoption_id) references vol_green_adoptions (street_id, id)
);
create index vol_green_care_plot on vol_green_care (street_id, plot_id, created_at);
comment on table vol_green_care is 'distribution: street';
