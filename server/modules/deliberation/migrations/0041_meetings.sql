-- 联席会议 (joint meetings) of the deliberation module: meetings convened at a community or compound, their
-- invited bodies and attendees (one row per person, listing every position they hold there: 交叉任职), the agenda
-- (consulting items), each body's position per item, and recurring schedules. Every row carries its street, which
-- leads every key (docs/adr/0003-street-keys.md). Registry organisations and persons are referred to by id with
-- their names copied as they were at the meeting: a meeting's record does not change when the registry does, and a
-- module's tables hold no keys onto another module's tables.

create table dlb_meeting_schedules (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  title text not null check (length(title) between 1 and 100),
  kind text not null check (kind in ('joint','three_carriages','red_council','other')),
  convener_kind text not null check (convener_kind in ('party_org','property_committee','owners_committee','residents_committee')),
  convener_org_id uuid not null,
  -- The bodies to invite: organisation ids, and 'building_leaders' for the building leaders under the place.
  bodies text[] not null,
  frequency text not null check (frequency in ('monthly','weekly')),
  -- monthly: the day of the month (1–28, so every month has it); weekly: ISO weekday (1 = Monday … 7 = Sunday).
  day smallint not null check ((frequency = 'monthly' and day between 1 and 28) or (frequency = 'weekly' and day between 1 and 7)),
  -- Local (China) time of day, HH:MM.
  at_time text not null check (at_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  location text not null check (length(location) between 1 and 100),
  active boolean not null default true,
  created_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index dlb_meeting_schedules_id on dlb_meeting_schedules (id);
create index dlb_meeting_schedules_active on dlb_meeting_schedules (active) where active;
comment on table dlb_meeting_schedules is 'distribution: street';

create table dlb_meetings (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  title text not null check (length(title) between 1 and 100),
  kind text not null check (kind in ('joint','three_carriages','red_council','other')),
  convener_kind text not null check (convener_kind in ('party_org','property_committee','owners_committee','residents_committee')),
  convener_org_id uuid not null,
  convener_name text not null,
  starts_at timestamptz not null,
  location text not null check (length(location) between 1 and 100),
  status text not null default 'scheduled' check (status in ('scheduled','signing_in','closed','cancelled')),
  -- The secret in the sign-in QR code: whoever was invited and scans it in the room is signed in.
  sign_in_token text not null,
  minutes text check (minutes is null or length(minutes) <= 20000),
  minutes_public boolean not null default false,
  attachments jsonb not null default '[]',
  -- A meeting the schedule job generated: one per schedule and occurrence (the unique key below).
  schedule_id uuid,
  occurrence date,
  created_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, schedule_id) references dlb_meeting_schedules (street_id, id),
  unique (street_id, schedule_id, occurrence),
  check ((schedule_id is null) = (occurrence is null))
);
create index dlb_meetings_id on dlb_meetings (id);
create index dlb_meetings_place on dlb_meetings (place_id, starts_at desc);
comment on table dlb_meetings is 'distribution: street';

create table dlb_meeting_bodies (
  street_id uuid not null,
  meeting_id uuid not null,
  -- An organisation's id, or 'building_leaders'.
  body_key text not null,
  name text not null,
  kind text not null,
  primary key (street_id, meeting_id, body_key),
  foreign key (street_id, meeting_id) references dlb_meetings (street_id, id)
);
comment on table dlb_meeting_bodies is 'distribution: street';

create table dlb_meeting_attendees (
  street_id uuid not null,
  id uuid not null,
  meeting_id uuid not null,
  -- The registry person (null for a guest added by name only).
  person_id uuid,
  name text not null check (length(name) between 1 and 50),
  -- [{ bodyKey, organisationName, title }]: every position the person holds among the invited bodies.
  positions jsonb not null default '[]',
  added_by_hand boolean not null default false,
  signed_in_at timestamptz,
  signed_in_via text check (signed_in_via in ('qr','staff')),
  signed_in_by uuid references accounts(id),
  primary key (street_id, id),
  foreign key (street_id, meeting_id) references dlb_meetings (street_id, id),
  unique (street_id, meeting_id, person_id),
  check ((signed_in_at is null) = (signed_in_via is null))
);
create index dlb_meeting_attendees_person on dlb_meeting_attendees (person_id);
create index dlb_meeting_attendees_meeting on dlb_meeting_attendees (meeting_id);
comment on table dlb_meeting_attendees is 'distribution: street';

create table dlb_meeting_agenda (
  street_id uuid not null,
  meeting_id uuid not null,
  item_id uuid not null,
  seq integer not null,
  outcome_kind text check (outcome_kind in ('decided','refer_vote','next_meeting')),
  outcome_text text,
  outcome_at timestamptz,
  -- The draft owners' decision a 'refer_vote' outcome opened.
  decision_id uuid,
  primary key (street_id, meeting_id, item_id),
  foreign key (street_id, meeting_id) references dlb_meetings (street_id, id),
  foreign key (street_id, item_id) references dlb_items (street_id, id)
);
create index dlb_meeting_agenda_item on dlb_meeting_agenda (item_id);
comment on table dlb_meeting_agenda is 'distribution: street';

create table dlb_meeting_positions (
  street_id uuid not null,
  meeting_id uuid not null,
  item_id uuid not null,
  body_key text not null,
  stance text not null check (stance in ('support','oppose','abstain','conditional')),
  note text check (note is null or length(note) <= 500),
  primary key (street_id, meeting_id, item_id, body_key),
  foreign key (street_id, meeting_id, item_id) references dlb_meeting_agenda (street_id, meeting_id, item_id) on delete cascade,
  foreign key (street_id, meeting_id, body_key) references dlb_meeting_bodies (street_id, meeting_id, body_key)
);
comment on table dlb_meeting_positions is 'distribution: street';
