-- 志愿服务与邻里 (Volunteers), issue 23, the activities part: a community's or compound's volunteer activity with
-- sign-up under a capacity, sign-in and sign-out by a rotating code, service minutes and points credited when the
-- organiser confirms. Every row carries its street, which leads every key.

-- An activity. `signed_up` counts the live sign-ups: a sign-up is one conditional update of it (signed_up < capacity),
-- so capacity holds whatever runs beside it. `code_secret` keys the rotating sign-in/out codes
-- (HMAC(secret, mode and 30-second window)); it never leaves the server.
create table vol_activities (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null, -- the community or compound organising it: scopes who sees and manages it
  title text not null check (length(title) between 1 and 100),
  description text not null default '' check (length(description) <= 2000),
  venue text not null check (length(venue) between 1 and 100),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity integer not null check (capacity between 1 and 1000),
  signed_up integer not null default 0 check (signed_up >= 0),
  points_per_hour integer not null check (points_per_hour between 0 and 100),
  skills text[] not null default '{}',
  status text not null default 'published' check (status in ('published', 'cancelled', 'finished')),
  cancel_reason text check (cancel_reason is null or length(cancel_reason) <= 200),
  code_secret text not null,
  reminded_at timestamptz, -- when those signed up were reminded (the day before); once
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check (starts_at < ends_at),
  check (signed_up <= capacity),
  check ((status = 'cancelled') = (cancel_reason is not null))
);
create index vol_activities_id on vol_activities (id);
create index vol_activities_place on vol_activities (street_id, place_id, starts_at);
comment on table vol_activities is 'distribution: street';

-- A volunteer's sign-up (one per activity and person; cancelled before the start frees the seat, signing up again
-- revives it), their sign-in and sign-out, and the minutes and points credited on the organiser's confirmation.
create table vol_activity_signups (
  street_id uuid not null,
  id uuid not null,
  activity_id uuid not null,
  volunteer_id uuid not null,
  person_id uuid not null,
  person_name text not null,
  status text not null default 'signed_up' check (status in ('signed_up', 'cancelled')),
  signed_in_at timestamptz,
  signed_in_via text check (signed_in_via in ('code', 'staff')),
  signed_out_at timestamptz,
  signed_out_via text check (signed_out_via in ('code', 'staff')),
  minutes integer check (minutes >= 0),
  points integer check (points >= 0),
  confirmed_at timestamptz,
  confirmed_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, activity_id, person_id),
  foreign key (street_id, activity_id) references vol_activities (street_id, id),
  foreign key (street_id, volunteer_id) references vol_volunteers (street_id, id),
  check (signed_out_at is null or (signed_in_at is not null and signed_out_at >= signed_in_at)),
  check ((signed_out_at is null) = (minutes is null)),
  check (confirmed_at is null or (minutes is not null and points is not null))
);
create index vol_activity_signups_id on vol_activity_signups (id);
create index vol_activity_signups_person on vol_activity_signups (street_id, person_id);
comment on table vol_activity_signups is 'distribution: street';
