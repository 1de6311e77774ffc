-- Decisions 4/4: owners' committee elections (业委会选举). An election is a dec_decisions row of kind 'election';
-- its ballot items are its approved candidates. Candidates are vetted jointly (联审) by the departments the street
-- configures, each recording approve / reject / return-for-correction with a reason; the history is kept.

-- The election's own settings, copied from the compound's rules in force (committee) when it is created.
create table dec_elections (
  street_id uuid not null,
  decision_id uuid not null,
  -- A by-election fills the vacancies, a run-off the seats left at a tie: fewer than the rules' 5–11.
  seats int not null check (seats between 1 and 11),
  alternates int not null check (alternates between 0 and 5),
  term_years int not null check (term_years between 1 and 5),
  tie_break text not null check (tie_break in ('lots', 'runoff')),
  purpose text not null check (purpose in ('regular', 'by_election', 'runoff')),
  nomination_until date,
  -- The recorded drawing of lots at a tie: {order: candidate numbers drawn, witnesses, note, by, byName, at}.
  lots jsonb,
  primary key (street_id, decision_id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id)
);
comment on table dec_elections is 'distribution: street';

-- The departments that vet candidates in a street (街道党工委, 社区居委会, 派出所 …), each with its reviewers.
create table dec_vetting_departments (
  street_id uuid not null,
  id uuid not null,
  name text not null check (length(name) between 1 and 50),
  kind text not null check (kind in ('party_committee', 'residents_committee', 'police', 'housing', 'market_regulation', 'credit', 'other')),
  reviewer_account_ids uuid[] not null default '{}',
  position int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, name)
);
comment on table dec_vetting_departments is 'distribution: street';

create table dec_candidates (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  no int not null check (no >= 1),
  person_id uuid,
  name text not null check (length(name) between 1 and 50),
  room_label text not null check (length(room_label) between 1 and 100),
  party_member boolean not null,
  statement text not null default '' check (length(statement) <= 2000),
  nomination text not null check (nomination in ('self', 'owners', 'party_org', 'residents_committee')),
  -- Joint nomination by owners: [{name, room}], at least five.
  nominators jsonb not null default '[]',
  nominated_by uuid references accounts(id),
  -- The candidate's written consent to the background vetting: nobody vets without it.
  consent_at timestamptz,
  consent_by uuid references accounts(id),
  consent_note text check (length(consent_note) <= 500),
  -- Raised by each correction after a return: a return from an earlier round no longer holds the candidate back.
  round int not null default 1 check (round >= 1),
  status text not null check (status in ('nominated', 'vetting', 'returned', 'rejected', 'approved', 'withdrawn')),
  withdrawn_reason text check (length(withdrawn_reason) <= 500),
  account_id uuid references accounts(id),
  -- The ballot item that carries the candidate, once put on the ballot (null: not on it).
  item_no int check (item_no >= 1),
  -- A run-off's candidate: the candidate of the election it completes, whose vetting record stands.
  vetted_as uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, decision_id, no),
  unique (street_id, decision_id, item_no),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  foreign key (street_id, vetted_as) references dec_candidates (street_id, id)
);
create index dec_candidates_account on dec_candidates (street_id, account_id) where account_id is not null;
create index dec_candidates_status on dec_candidates (street_id, status);
comment on table dec_candidates is 'distribution: street';

create table dec_vetting_verdicts (
  street_id uuid not null,
  id uuid not null,
  candidate_id uuid not null,
  department_id uuid not null,
  round int not null check (round >= 1),
  verdict text not null check (verdict in ('approve', 'reject', 'return')),
  reason_code text not null check (length(reason_code) between 1 and 40),
  note text not null default '' check (length(note) <= 500),
  by uuid references accounts(id),
  by_name text not null,
  at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, candidate_id) references dec_candidates (street_id, id),
  foreign key (street_id, department_id) references dec_vetting_departments (street_id, id)
);
create index dec_vetting_verdicts_candidate on dec_vetting_verdicts (street_id, candidate_id, at);
comment on table dec_vetting_verdicts is 'distribution: street';

-- A paper sheet marking more candidates 'for' than there are seats is spoilt.
alter table dec_ballots drop constraint dec_ballots_invalid_reason_check;
alter table dec_ballots add constraint dec_ballots_invalid_reason_check
  check (invalid_reason in ('unsigned', 'double_mark', 'illegible', 'proxy_rejected', 'over_selected', 'other'));
