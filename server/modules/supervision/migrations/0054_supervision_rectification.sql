-- 监督考评 (Supervision), part 2: rectification notices (整改通知单). An official (street, community or 物委会) tells a
-- property company to fix a problem at a place by a deadline; the company answers with its fix and evidence; the
-- issuer closes it or sends it back with a new deadline (a new round). Every row carries its street, which leads
-- every key (docs/adr/0003-street-keys.md).

-- The notice numbers of a street and year: 整改〔2026〕第 001 号. The row is taken with the insert's lock, so numbers
-- have no gaps and no two notices share one.
create table sup_notice_counters (
  street_id uuid not null,
  year int not null check (year between 2000 and 2999),
  last_seq int not null check (last_seq >= 1),
  primary key (street_id, year)
);
comment on table sup_notice_counters is 'distribution: street';

create table sup_notices (
  street_id uuid not null,
  id uuid not null,
  year int not null,
  seq int not null check (seq >= 1),
  no text not null,
  place_id uuid not null, -- where the problem is: the compound or a place inside it
  compound_id uuid not null, -- the compound the place is in
  company_id uuid not null, -- the compound's property company when issued (the registry's organisation)
  company_name text not null,
  issuer_id uuid not null references accounts(id),
  issuer_name text not null,
  -- The level of the issuer's grant: a community official or a community 物委会 member issues at 'community',
  -- a street official or the street's 物委会 at 'street'. Closing or reissuing takes this level or above.
  issuer_level text not null check (issuer_level in ('street', 'community')),
  issuer_place_id uuid not null, -- the place of that grant
  issuer_org text not null, -- e.g. 安和街道办事处, 和平社区居民委员会
  title text not null check (length(title) between 1 and 100),
  description text not null check (length(description) between 1 and 2000),
  -- 'issued' and 'reissued' wait for the company; 'responded' waits for the issuer; 'closed' is done.
  status text not null check (status in ('issued', 'responded', 'reissued', 'closed')),
  round int not null default 1 check (round >= 1),
  deadline date not null, -- the last China day of the current round
  due_at timestamptz not null, -- the instant the deadline has passed: 00:00 China time the day after `deadline`
  source_inspection_id uuid, -- the inspection finding the notice came from (both or neither)
  source_indicator_id uuid,
  issued_at timestamptz not null,
  responded_at timestamptz, -- the latest answer
  overdue_at timestamptz, -- when the job found the current round past its deadline (a reissue clears it)
  escalated_at timestamptz, -- when it told the level above, once per round (a reissue clears it)
  escalated_to text check (escalated_to in ('street', 'street_committee')),
  first_overdue_at timestamptz, -- the first time it was ever overdue: kept across rounds for the company's credit
  overdue_count int not null default 0 check (overdue_count >= 0), -- rounds that ran overdue
  closed_at timestamptz,
  closed_by uuid references accounts(id),
  updated_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, year, seq),
  check ((source_inspection_id is null) = (source_indicator_id is null)),
  check ((status = 'closed') = (closed_at is not null)),
  check ((escalated_at is null) or (overdue_at is not null)),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  foreign key (street_id, issuer_place_id) references street_places (street_id, id),
  foreign key (street_id, source_inspection_id, source_indicator_id) references sup_inspection_items (street_id, inspection_id, indicator_id)
);
create index sup_notices_id on sup_notices (id);
create index sup_notices_waiting on sup_notices (due_at) where status in ('issued', 'reissued') and escalated_at is null;
create index sup_notices_company on sup_notices (street_id, company_id, issued_at);
comment on table sup_notices is 'distribution: street';

-- The notice's timeline: issued, responded, closed, reissued, escalated — with who, when, the round, the text.
create table sup_notice_events (
  street_id uuid not null,
  id uuid not null,
  notice_id uuid not null,
  at timestamptz not null,
  actor_id uuid references accounts(id), -- null: the system (the overdue job)
  actor_name text not null,
  kind text not null check (kind in ('issued', 'responded', 'closed', 'reissued', 'escalated')),
  round int not null,
  note text not null default '',
  detail jsonb not null default '{}',
  primary key (street_id, id),
  foreign key (street_id, notice_id) references sup_notices (street_id, id) on delete cascade
);
create index sup_notice_events_notice on sup_notice_events (street_id, notice_id, at);
comment on table sup_notice_events is 'distribution: street';

-- Evidence: the issuer's (stage 'issue', photos copied from an inspection finding included: same file key) and the
-- company's with each answer (stage 'response', per round).
create table sup_notice_files (
  street_id uuid not null,
  id uuid not null,
  notice_id uuid not null,
  round int not null,
  stage text not null check (stage in ('issue', 'response')),
  kind text not null check (kind in ('photo', 'document')),
  file_key text not null,
  file_name text not null default '',
  mime text not null,
  size_bytes int not null,
  source_file_id uuid, -- the inspection file it was copied from
  uploaded_by uuid references accounts(id),
  uploaded_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, notice_id) references sup_notices (street_id, id) on delete cascade
);
create index sup_notice_files_notice on sup_notice_files (street_id, notice_id);
create index sup_notice_files_key on sup_notice_files (file_key);
comment on table sup_notice_files is 'distribution: street';
