-- Grid events (网格事件) and the departments' liaisons in the compounds (执法进小区): the events part of the grid
-- module. Every row carries its street, the distribution key (docs/adr/0003-street-keys.md).

-- A department's liaison for a compound and a line (公安, 城管, 住建/房管, 市场监管, 消防): the account that receives
-- the compound's events of that line. Active from `from_on` until `until_on` (null: still serving).
create table grid_liaisons (
  street_id uuid not null,
  id uuid not null,
  department_id uuid not null,
  department_name text not null,
  line text not null check (line in ('police', 'urban_management', 'housing', 'market', 'fire')),
  compound_id uuid not null,
  account_id uuid not null references accounts (id),
  name text not null,
  phone_masked text not null default '',
  from_on date not null,
  until_on date,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  ended_by uuid references accounts (id),
  primary key (street_id, id),
  check (until_on is null or until_on >= from_on)
);
create index grid_liaisons_compound on grid_liaisons (street_id, compound_id, line);
create index grid_liaisons_account on grid_liaisons (account_id);
-- One serving liaison per compound and line.
create unique index grid_liaisons_serving on grid_liaisons (street_id, compound_id, line) where until_on is null;
comment on table grid_liaisons is 'distribution: street';

-- A joint patrol (联合巡查) at a compound on a day, with the liaisons present and what was found.
create table grid_patrols (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  patrol_on date not null,
  liaison_ids uuid[] not null default '{}',
  findings text not null,
  recorded_by uuid references accounts (id),
  recorded_by_name text not null default '',
  created_at timestamptz not null default now(),
  primary key (street_id, id)
);
create index grid_patrols_compound on grid_patrols (street_id, compound_id, patrol_on);
comment on table grid_patrols is 'distribution: street';

-- An event at a compound or one of its buildings. `body` is who handles it: the property company, the residents'
-- committee, or a department line (then `liaison_id` is the compound's liaison of the line at dispatch).
create table grid_events (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  compound_id uuid not null,
  location text not null default '',
  category text not null,
  description text not null,
  urgency text not null default 'normal' check (urgency in ('normal', 'urgent')),
  status text not null default 'reported' check (status in ('reported', 'dispatched', 'handling', 'resolved', 'closed', 'dismissed')),
  level text not null default 'community' check (level in ('community', 'street')),
  body text check (body in ('property', 'committee', 'police', 'urban_management', 'housing', 'market', 'fire')),
  liaison_id uuid,
  patrol_id uuid,
  dispatched_at timestamptz,
  due_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  overdue_escalated_at timestamptz,
  resolution_note text,
  reporter_account_id uuid references accounts (id),
  reporter_person_id uuid,
  reporter_name text not null default '',
  reported_via text not null default 'staff' check (reported_via in ('staff', 'resident')),
  rating smallint check (rating between 1 and 5),
  rating_comment text,
  rated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  check (status in ('reported', 'dismissed') or body is not null)
);
create index grid_events_id on grid_events (id);
create index grid_events_compound on grid_events (street_id, compound_id, status);
create index grid_events_due on grid_events (due_at) where status in ('dispatched', 'handling') and overdue_escalated_at is null;
create index grid_events_reporter on grid_events (reporter_person_id) where reporter_person_id is not null;
comment on table grid_events is 'distribution: street';

-- The timeline: every state change (who, when, from → to, note), with the body and liaison it went to.
create table grid_event_steps (
  street_id uuid not null,
  id uuid not null,
  event_id uuid not null,
  kind text not null,
  from_status text,
  to_status text not null,
  body text,
  liaison_id uuid,
  actor_account_id uuid references accounts (id),
  actor_name text not null,
  note text,
  at timestamptz not null,
  primary key (street_id, id)
);
create index grid_event_steps_event on grid_event_steps (street_id, event_id, at);
create index grid_event_steps_liaison on grid_event_steps (liaison_id) where liaison_id is not null;
comment on table grid_event_steps is 'distribution: street';
