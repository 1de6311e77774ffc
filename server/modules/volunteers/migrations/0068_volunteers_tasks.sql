-- 任务抢单 (task grabbing), issue 23 §3: small tasks officials or the residents' committee post at a compound or a
-- community, with points, service minutes and a deadline. Volunteers grab them on the H5: first come, exactly one
-- winner — one conditional update (`… where status = 'open' and deadline > now`), never a lock in one process. The
-- grabber finishes with photos (vol_photos, subject 'task') and a note; staff confirm, which credits the points and
-- minutes once (vol_points_ledger's unique source), or return it with a reason. 'expired' is computed: open with its
-- deadline passed. Every row carries its street (docs/adr/0003-street-keys.md).
create table vol_tasks (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null, -- the compound or community the task is for
  title text not null check (length(title) between 1 and 60),
  description text not null default '' check (length(description) <= 1000),
  target text not null default '' check (length(target) <= 100), -- where / for whom: 「2栋1单元301 王奶奶」
  points integer not null check (points between 0 and 1000),
  minutes integer not null check (minutes between 0 and 1440),
  deadline timestamptz not null,
  status text not null default 'open' check (status in ('open', 'grabbed', 'done', 'confirmed', 'cancelled')),
  grabbed_person_id uuid,
  grabbed_name text,
  grabbed_account_id uuid references accounts (id),
  grabbed_at timestamptz,
  done_at timestamptz,
  done_note text check (length(done_note) <= 500),
  confirmed_at timestamptz,
  confirmed_by uuid references accounts (id),
  return_reason text check (length(return_reason) <= 200),
  cancelled_at timestamptz,
  cancel_reason text check (length(cancel_reason) <= 200),
  created_by uuid references accounts (id),
  created_by_name text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check ((status in ('grabbed', 'done', 'confirmed')) = (grabbed_person_id is not null and grabbed_at is not null)),
  check ((status in ('done', 'confirmed')) = (done_at is not null)),
  check ((status = 'confirmed') = (confirmed_at is not null)),
  check ((status = 'cancelled') = (cancel_reason is not null))
);
create index vol_tasks_id on vol_tasks (id);
create index vol_tasks_place on vol_tasks (street_id, place_id, status, deadline);
create index vol_tasks_grabbed on vol_tasks (street_id, grabbed_person_id) where grabbed_person_id is not null;
comment on table vol_tasks is 'distribution: street';

-- A task's timeline: posted, grabbed, given back, done, returned, confirmed, cancelled — who and when, with the note
-- or reason. Written in the same transaction as the change it records.
create table vol_task_events (
  street_id uuid not null,
  id uuid not null,
  task_id uuid not null,
  kind text not null check (kind in ('posted', 'grabbed', 'given_back', 'done', 'returned', 'confirmed', 'cancelled')),
  actor_name text not null,
  note text check (length(note) <= 500),
  at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, task_id) references vol_tasks (street_id, id)
);
create index vol_task_events_task on vol_task_events (street_id, task_id, at);
comment on table vol_task_events is 'distribution: street';
