-- 党建引领 (Party building), issue 22, the stations and activities parts: 红色驿站 per compound with their opening
-- hours, services and duty roster, and party activities (主题党日, 学习会 …) with their audience, a time-limited sign-in
-- code and each member's attendance. Every row carries its street, which leads every key.

-- A 红色驿站: a compound's party service station. `hours` is a list of {days: [1..7], opens: 'HH:MM', closes: 'HH:MM'}
-- (1 = Monday), `services` a list of short strings (政策咨询, 代收快递 …).
create table pty_stations (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  community_id uuid,
  name text not null check (length(name) between 1 and 100),
  address text not null check (length(address) between 1 and 200),
  hours jsonb not null default '[]'::jsonb,
  services jsonb not null default '[]'::jsonb,
  phone text not null check (length(phone) between 5 and 20),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, compound_id) references street_places (street_id, id)
);
create index pty_stations_id on pty_stations (id);
create index pty_stations_compound on pty_stations (street_id, compound_id);
comment on table pty_stations is 'distribution: street';

-- A duty shift at a station: a day, a time span, and who is on duty — a registry person or a name with a role
-- (楼门长, 党员志愿者 …).
create table pty_station_shifts (
  street_id uuid not null,
  id uuid not null,
  station_id uuid not null,
  day date not null,
  starts text not null check (starts ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  ends text not null check (ends ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  person_id uuid,
  person_name text not null check (length(person_name) between 1 and 50),
  duty_role text not null default '' check (length(duty_role) <= 30),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, station_id) references pty_stations (street_id, id),
  check (starts < ends)
);
create index pty_station_shifts_day on pty_station_shifts (street_id, station_id, day);
comment on table pty_station_shifts is 'distribution: street';

-- A party activity organised by a branch of the street (under a community): its audience is frozen as attendee rows
-- when it is scheduled. The sign-in code is valid while now < code_expires_at; reopening replaces it.
create table pty_activities (
  street_id uuid not null,
  id uuid not null,
  branch_id uuid not null,
  branch_name text not null,
  place_id uuid not null, -- where the branch is registered: scopes who may see the activity
  community_id uuid not null,
  kind text not null check (kind in ('theme_day', 'study', 'org_life', 'volunteer')),
  title text not null check (length(title) between 1 and 100),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  venue text not null check (length(venue) between 1 and 100),
  agenda text not null default '' check (length(agenda) <= 2000),
  include_reported boolean not null default true,
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
  cancel_reason text,
  cancelled_at timestamptz,
  code text check (code ~ '^[0-9]{6}$'),
  code_opened_at timestamptz,
  code_expires_at timestamptz,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, community_id) references street_places (street_id, id),
  check (starts_at < ends_at),
  check ((status = 'cancelled') = (cancelled_at is not null)),
  check ((code is null) = (code_expires_at is null))
);
create index pty_activities_id on pty_activities (id);
create index pty_activities_place on pty_activities (street_id, place_id, starts_at);
create index pty_activities_code on pty_activities (code) where code is not null;
comment on table pty_activities is 'distribution: street';

-- A member invited to an activity, and how they attended: signed in by the code, marked present or excused by staff.
create table pty_activity_attendees (
  street_id uuid not null,
  id uuid not null,
  activity_id uuid not null,
  member_id uuid not null,
  person_id uuid not null,
  person_name text not null,
  membership text not null check (membership in ('local', 'employed')),
  status text not null default 'invited' check (status in ('invited', 'present', 'excused')),
  via text check (via in ('code', 'staff')),
  signed_in_at timestamptz,
  excuse_reason text check (length(excuse_reason) <= 200),
  marked_by uuid references accounts (id),
  primary key (street_id, id),
  unique (street_id, activity_id, member_id),
  foreign key (street_id, activity_id) references pty_activities (street_id, id),
  foreign key (street_id, member_id) references pty_members (street_id, id),
  check ((status = 'present') = (signed_in_at is not null)),
  check ((status = 'excused') = (excuse_reason is not null))
);
create index pty_activity_attendees_person on pty_activity_attendees (person_id);
create index pty_activity_attendees_member on pty_activity_attendees (street_id, member_id);
comment on table pty_activity_attendees is 'distribution: street';
