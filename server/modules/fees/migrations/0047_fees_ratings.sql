-- 业主评价 (the owner's right to rate): an owner whose bills for a month are paid rates the property company
-- serving the compound for that month (issue 19 §1). One rating per owner (a registry person) per compound and
-- month, never changed after it is submitted; the company is kept as it was when the owner rated.

create table fee_ratings (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  -- The property company rated (a registry organisation), as the compound's company on the day of rating.
  company_id uuid not null,
  -- The calendar month rated, 'YYYY-MM' (Asia/Shanghai).
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- The owner (a registry person) and the account they rated from.
  person_id uuid not null,
  account_id uuid references accounts(id),
  -- The owner's rooms in the compound when they rated ('1栋 / 1单元 / 1201'), shown only to the street.
  rooms_label text not null check (length(rooms_label) between 1 and 300),
  -- Five service dimensions, 1–5 each (fees.ratings.constants.ts RATING_DIMENSIONS).
  cleaning smallint not null check (cleaning between 1 and 5),
  security smallint not null check (security between 1 and 5),
  repairs smallint not null check (repairs between 1 and 5),
  greenery smallint not null check (greenery between 1 and 5),
  attitude smallint not null check (attitude between 1 and 5),
  comment text not null default '' check (length(comment) <= 500),
  rated_at timestamptz not null,
  primary key (street_id, id),
  -- Once per owner, compound and month: the guard against a second rating, not a check beforehand.
  unique (street_id, compound_id, period, person_id),
  foreign key (street_id, compound_id) references street_places (street_id, id)
);
create index fee_ratings_id on fee_ratings (id);
create index fee_ratings_compound on fee_ratings (street_id, compound_id, period);
create index fee_ratings_company on fee_ratings (company_id, period);
create index fee_ratings_person on fee_ratings (person_id, period);
comment on table fee_ratings is 'distribution: street';
