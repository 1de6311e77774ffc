-- Deliberation (议事协商, DOMAIN.md §3): items walked through the six stages of the property deliberation
-- procedure, each with its sources, supporting households, timeline, tasks, progress, supervision notes and
-- the residents' verdict. Every row carries its place's street, which leads every key
-- (docs/adr/0003-street-keys.md). Meetings (0041) and surveys (their own module) hang off these items.

-- The thresholds of the procedure, set per street or per place under it (the nearest place up the tree wins;
-- none: the defaults in deliberation.constants.ts).
create table dlb_settings (
  street_id uuid not null,
  place_id uuid not null,
  -- households whose support puts a residents' proposal on the agenda-setting list (stage 2) by itself
  support_threshold integer not null check (support_threshold between 1 and 10000),
  -- days the households may rate an outcome (stage 6)
  rating_days integer not null check (rating_days between 1 and 90),
  -- fewer ratings than this: the verdict stands whatever it says (too few to reopen the item)
  min_ratings integer not null check (min_ratings between 1 and 10000),
  -- the item reopens when the mean is below reopen_below_centi / 100 …
  reopen_below_centi integer not null check (reopen_below_centi between 100 and 500),
  -- … or when more than poor_share_percent % of the ratings are poor (a score of poor_score_max or less)
  poor_share_percent integer not null check (poor_share_percent between 1 and 100),
  poor_score_max integer not null check (poor_score_max between 1 and 4),
  -- reopened this many times, a further poor verdict sends the item to the street with its history
  max_reopens integer not null check (max_reopens between 0 and 10),
  updated_by uuid references accounts(id),
  updated_at timestamptz not null default now(),
  primary key (street_id, place_id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
comment on table dlb_settings is 'distribution: street';

create table dlb_items (
  street_id uuid not null,
  id uuid not null,
  -- the compound, community or street the item concerns: its supporters and raters are households under it
  place_id uuid not null,
  -- YT-<year>-<number>, per street: what a resident reads out on the phone
  code text not null,
  title text not null check (length(title) between 1 and 100),
  description text not null default '' check (length(description) <= 4000),
  -- how it came in (the first source; merged items keep all theirs in dlb_item_sources)
  source_kind text not null check (source_kind in ('opinion', 'grid_report', 'meeting', 'official', 'joint_proposal')),
  stage text not null check (stage in (
    'collecting',     -- 1 议题收集: a residents' proposal gathering support
    'agenda',         -- 2 确定议题: on the list for the party organisation / 物委会 to accept, merge or reject
    'consulting',     -- 3 会议协商: accepted, waiting for (or discussed at) a joint meeting
    'awaiting_vote',  -- 3 referred to an owners' vote (art. 278): a draft decision is linked
    'executing',      -- 4 执行决策 and 5 监督反馈: tasks under way, progress public, overdue flagged
    'evaluating',     -- 6 居民评价: every task done; households rate the outcome
    'closed',         -- the verdict stood
    'escalated',      -- reopened too often: with the street, its history attached
    'rejected',       -- refused at stage 2, with the reason shown to the proposers
    'merged'          -- folded into another item (merged_into)
  )),
  supporter_count integer not null default 0,
  -- when it went onto the stage-2 list (at once for officials' entries; at the threshold for proposals)
  listed_at timestamptz,
  rejected_reason text,
  merged_into uuid,
  -- stage 3's outcome: the decision text, or the owners' vote it was referred to and what came of it
  decision_text text,
  decision_id uuid,
  vote_outcome text check (vote_outcome in ('passed', 'failed')),
  -- stage 4: the mean of its tasks' progress (0–100), kept with every update
  progress_percent integer not null default 0 check (progress_percent between 0 and 100),
  -- stage 6: the current rating round and its window
  reopen_count integer not null default 0,
  rating_round integer not null default 0,
  rating_opens_at timestamptz,
  rating_closes_at timestamptz,
  -- what the public tracking page shows of it (公示): the item at all, and its meetings' minutes
  is_public boolean not null default true,
  created_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, code),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, merged_into) references dlb_items (street_id, id)
);
create index dlb_items_id on dlb_items (id);
create index dlb_items_place on dlb_items (street_id, place_id, stage);
create index dlb_items_stage on dlb_items (stage, updated_at desc);
comment on table dlb_items is 'distribution: street';

-- Where an item came from: an opinion, a grid worker's report, a meeting, an official, residents' proposal.
-- A merge moves the sources of the merged items onto the item they were merged into.
create table dlb_item_sources (
  street_id uuid not null,
  id uuid not null,
  item_id uuid not null,
  kind text not null check (kind in ('opinion', 'grid_report', 'meeting', 'official', 'joint_proposal')),
  -- the source record in its module (an opinion's id, a meeting's id), when there is one
  ref_id uuid,
  label text not null default '',
  -- the item it first belonged to (differs from item_id after a merge)
  original_item_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, item_id) references dlb_items (street_id, id)
);
create index dlb_item_sources_item on dlb_item_sources (street_id, item_id);
create index dlb_item_sources_ref on dlb_item_sources (ref_id) where ref_id is not null;
comment on table dlb_item_sources is 'distribution: street';

-- Supporting households: one per room under the item's place, whoever of the household supported first.
create table dlb_supporters (
  street_id uuid not null,
  item_id uuid not null,
  room_id uuid not null,
  account_id uuid references accounts(id),
  via text not null check (via in ('direct', 'opinion', 'merge')),
  created_at timestamptz not null default now(),
  primary key (street_id, item_id, room_id),
  foreign key (street_id, item_id) references dlb_items (street_id, id)
);
comment on table dlb_supporters is 'distribution: street';

-- The item's timeline: every stage change and every step taken on it, by whom.
create table dlb_events (
  street_id uuid not null,
  id uuid not null,
  item_id uuid not null,
  at timestamptz not null,
  actor_id uuid references accounts(id),
  actor_name text not null,
  kind text not null,
  stage_from text,
  stage_to text,
  note text not null default '',
  detail jsonb not null default '{}',
  primary key (street_id, id),
  foreign key (street_id, item_id) references dlb_items (street_id, id)
);
create index dlb_events_item on dlb_events (street_id, item_id, at);
comment on table dlb_events is 'distribution: street';

-- Stage 4: the decision as tasks, each with its responsible organisation and person, deadline and budget.
create table dlb_tasks (
  street_id uuid not null,
  id uuid not null,
  item_id uuid not null,
  no integer not null,
  title text not null check (length(title) between 1 and 100),
  organisation_id uuid,
  organisation_name text not null,
  responsible_person_id uuid,
  responsible_name text not null,
  deadline date not null,
  budget_fen bigint not null default 0 check (budget_fen >= 0),
  progress_percent integer not null default 0 check (progress_percent between 0 and 100),
  done_at timestamptz,
  -- set by the overdue job when it sent the task to the street: once per task and deadline
  escalated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, item_id, no),
  foreign key (street_id, item_id) references dlb_items (street_id, id)
);
create index dlb_tasks_item on dlb_tasks (street_id, item_id);
create index dlb_tasks_open_deadline on dlb_tasks (deadline) where done_at is null;
comment on table dlb_tasks is 'distribution: street';

create table dlb_task_updates (
  street_id uuid not null,
  id uuid not null,
  task_id uuid not null,
  item_id uuid not null,
  progress_percent integer not null check (progress_percent between 0 and 100),
  note text not null default '' check (length(note) <= 2000),
  -- kernel files (images), in order
  photo_ids uuid[] not null default '{}',
  by_account uuid references accounts(id),
  by_name text not null,
  at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, task_id) references dlb_tasks (street_id, id)
);
create index dlb_task_updates_task on dlb_task_updates (street_id, task_id, at);
comment on table dlb_task_updates is 'distribution: street';

-- Stage 5: the 物委会's (and the community's) supervision notes on an item.
create table dlb_supervision_notes (
  street_id uuid not null,
  id uuid not null,
  item_id uuid not null,
  text text not null check (length(text) between 1 and 2000),
  is_public boolean not null default true,
  by_account uuid references accounts(id),
  by_name text not null,
  at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, item_id) references dlb_items (street_id, id)
);
create index dlb_supervision_notes_item on dlb_supervision_notes (street_id, item_id, at);
comment on table dlb_supervision_notes is 'distribution: street';

-- Stage 6: one rating per household (room) per rating round.
create table dlb_ratings (
  street_id uuid not null,
  item_id uuid not null,
  round integer not null,
  room_id uuid not null,
  account_id uuid not null references accounts(id),
  score integer not null check (score between 1 and 5),
  comment text not null default '' check (length(comment) <= 500),
  at timestamptz not null,
  primary key (street_id, item_id, round, room_id),
  foreign key (street_id, item_id) references dlb_items (street_id, id)
);
comment on table dlb_ratings is 'distribution: street';

-- The last item number given per street and year (YT-2026-0042): one upsert per new item, no gaps from races.
create table dlb_code_counters (
  street_id uuid not null,
  year integer not null,
  last integer not null,
  primary key (street_id, year)
);
comment on table dlb_code_counters is 'distribution: street';
