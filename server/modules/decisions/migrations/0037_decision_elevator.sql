-- Decisions 4/4, elevator retrofit (加装电梯) in one unit's stairwell: the cost and how it is shared by a
-- floor-coefficient table, each room's share in fen (part of what the owners vote on), and the owners whose own
-- parts the works affect (light, access), with their objection and its settlement by a compensation agreement.

create table dec_elevator (
  street_id uuid not null,
  decision_id uuid not null,
  cost_fen bigint not null check (cost_fen > 0),
  -- true: a room's weight is its floor's coefficient × its exclusive area; false: the coefficient alone.
  by_area boolean not null,
  -- {"1": 0, "2": 300, …}: a floor's coefficient in permille, non-decreasing by floor.
  coefficients jsonb not null,
  -- The rules' elevator.affected when the decision was drafted: consent or compensation.
  affected_rule text not null check (affected_rule in ('consent', 'compensation')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (street_id, decision_id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id)
);
comment on table dec_elevator is 'distribution: street';

-- One room's share of the cost (cost-shares.ts): proposed with the draft, due after a passing vote is published,
-- void when it does not pass. The roll entry is linked when the roll is published (the roll may be re-published:
-- its entries are replaced, so the link is a value, not a key).
create table dec_cost_shares (
  street_id uuid not null,
  decision_id uuid not null,
  room_id uuid not null,
  entry_id uuid,
  room_label text not null,
  floor integer not null,
  coefficient_permille integer not null check (coefficient_permille between 0 and 10000),
  area_centi bigint not null check (area_centi >= 0),
  weight bigint not null check (weight >= 0),
  share_fen bigint not null check (share_fen >= 0),
  status text not null check (status in ('proposed', 'due', 'void')),
  due_since timestamptz,
  payment_ref text,
  primary key (street_id, decision_id, room_id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id)
);
create index dec_cost_shares_due on dec_cost_shares (street_id, status, due_since);
-- The fees hook reads one retrofit's shares by its id alone (elevatorCostShares).
create index dec_cost_shares_decision on dec_cost_shares (decision_id);
comment on table dec_cost_shares is 'distribution: street';

-- An owner whose own part the works affect, marked by the organiser.
create table dec_affected (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  room_id uuid not null,
  room_label text not null,
  impact text[] not null check (cardinality(impact) between 1 and 4 and impact <@ array['light', 'access', 'noise', 'other']),
  note text not null default '' check (length(note) <= 1000),
  objection text check (length(objection) between 1 and 2000),
  objection_at timestamptz,
  objection_by uuid references accounts(id),
  -- {amountFen, signedOn, note, file?: {key, sha256, name, mime, size}}: the compensation agreement that settles it.
  agreement jsonb,
  settled_at timestamptz,
  settled_by uuid references accounts(id),
  recorded_by uuid references accounts(id),
  recorded_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, decision_id, room_id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id)
);
create index dec_affected_decision on dec_affected (street_id, decision_id);
comment on table dec_affected is 'distribution: street';
