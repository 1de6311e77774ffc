-- 先缴后补 (pay first, then subsidise; issue 19 §2): the street's subsidy policy, in versions, and the subsidy line a
-- paid bill of an eligible household creates. The lines are paid through the kernel's payout statements (kind
-- 'fees.pay_first_subsidy', fees.subsidies.payouts.ts); a line is never edited after it is granted except to mark
-- it reversed when a refund unpays its bill.

-- A version of a street's policy, from `effective_from` (a bill issued on or after that day follows it).
create table fee_subsidy_policies (
  street_id uuid not null,
  id uuid not null,
  effective_from date not null,
  -- `share`: basis points of what the bill was paid; `per_area`: fen per m² of the room per month billed.
  mode text not null check (mode in ('share', 'per_area')),
  share_bp integer check (share_bp between 1 and 10000),
  per_area_fen integer check (per_area_fen between 1 and 100000),
  -- At most this much per household (room) and bill period.
  cap_fen bigint not null check (cap_fen between 1 and 100000000),
  -- The person tags that make a household eligible (the registry's: low_income 低保, extreme_hardship 特困, …).
  tags text[] not null check (cardinality(tags) between 1 and 6),
  note text not null default '' check (length(note) <= 500),
  set_by uuid references accounts (id),
  set_at timestamptz not null,
  primary key (street_id, id),
  check ((mode = 'share') = (share_bp is not null) and (mode = 'per_area') = (per_area_fen is not null))
);
create index fee_subsidy_policies_from on fee_subsidy_policies (street_id, effective_from, set_at);
comment on table fee_subsidy_policies is 'distribution: street';

-- The subsidy a paid bill earned: how it was computed (formula), who is paid, and whether a refund reversed it.
create table fee_subsidy_lines (
  street_id uuid not null,
  id uuid not null,
  bill_id uuid not null,
  room_id uuid not null,
  compound_id uuid not null,
  policy_id uuid not null,
  period_label text not null,
  -- The bill's date (the China day it was issued): the tags held that day decide.
  bill_day date not null,
  tags text[] not null,
  payee_person_id uuid not null,
  payee_name text not null,
  basis_fen bigint not null,
  amount_fen bigint not null check (amount_fen > 0),
  formula text not null,
  status text not null default 'granted' check (status in ('granted', 'reversed')),
  granted_at timestamptz not null,
  reversed_at timestamptz,
  -- Set when the line was on a payout statement before the refund: the reversing payout line's source id.
  reversal_id uuid,
  primary key (street_id, id),
  foreign key (street_id, bill_id) references fee_bills (street_id, id),
  foreign key (street_id, policy_id) references fee_subsidy_policies (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id),
  check ((status = 'reversed') = (reversed_at is not null)),
  check (reversal_id is null or status = 'reversed')
);
-- One standing line per bill: a repeated payment notification grants nothing twice.
create unique index fee_subsidy_lines_bill on fee_subsidy_lines (street_id, bill_id) where status = 'granted';
create index fee_subsidy_lines_room on fee_subsidy_lines (street_id, room_id, period_label);
create index fee_subsidy_lines_granted on fee_subsidy_lines (street_id, granted_at);
comment on table fee_subsidy_lines is 'distribution: street';
