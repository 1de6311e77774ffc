-- 物业费 (Property fees), the core: fee items and their prices per compound, registered vacancies, bills with
-- their lines, payments with their allocation to bills, and receipts. Money is integer fen, areas integer
-- hundredths of a m² (the registry's area_centi). Every row carries its street, which leads every key
-- (docs/adr/0003-street-keys.md). Gateway orders, refunds, statements and settlement (0045), and reminders,
-- arrears cases and invoices (0046) build on these.

-- A fee item of a compound: what is charged and how the amount is computed (fees.constants.ts FEE_KINDS).
create table fee_items (
  street_id uuid not null,
  id uuid not null,
  -- The compound the item is charged at.
  place_id uuid not null,
  kind text not null check (kind in ('area', 'fixed', 'parking', 'one_off')),
  name text not null check (length(name) between 1 and 50),
  -- How often periodic items are billed; one-off items are billed on demand.
  cycle text not null check (cycle in ('month', 'quarter', 'year', 'once')),
  -- The discount on a registered vacant room (空置房) where the contract allows one, in basis points (3000 = 30 % off).
  vacancy_discount_bp integer not null default 0 check (vacancy_discount_bp between 0 and 10000),
  active boolean not null default true,
  created_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, place_id, name),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check ((kind = 'one_off') = (cycle = 'once'))
);
create index fee_items_id on fee_items (id);
comment on table fee_items is 'distribution: street';

-- A price of an item from a date on, with its basis; it counts only once a second person approved it.
create table fee_prices (
  street_id uuid not null,
  id uuid not null,
  item_id uuid not null,
  -- area: fen per m² per month; fixed and parking: fen per month; one_off: fen per bill.
  unit_fen integer not null check (unit_fen > 0 and unit_fen <= 100000000),
  effective_from date not null,
  basis_kind text not null check (basis_kind in ('owners_decision', 'contract')),
  -- The decision's id or the contract's number.
  basis_ref text not null check (length(basis_ref) between 1 and 100),
  basis_note text not null default '' check (length(basis_note) <= 500),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  approval_id uuid,
  requested_by uuid references accounts(id),
  requested_at timestamptz not null default now(),
  decided_by uuid references accounts(id),
  decided_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, item_id) references fee_items (street_id, id)
);
create index fee_prices_item on fee_prices (street_id, item_id, effective_from);
-- One approved price per item and day it takes effect.
create unique index fee_prices_effective on fee_prices (street_id, item_id, effective_from) where status = 'approved';
comment on table fee_prices is 'distribution: street';

-- A registered vacancy (空置) of a room: the items with a vacancy discount charge less for its days.
create table fee_vacancies (
  street_id uuid not null,
  id uuid not null,
  room_id uuid not null,
  starts_on date not null,
  -- Exclusive; null while the room stays vacant.
  ends_on date,
  note text not null default '' check (length(note) <= 200),
  created_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id),
  check (ends_on is null or ends_on > starts_on)
);
create index fee_vacancies_room on fee_vacancies (street_id, room_id);
comment on table fee_vacancies is 'distribution: street';

-- A bill: what one payer owes for one room and one period (or one one-off charge). `bill_key` makes generation
-- idempotent: one bill per room and key ('2026-11:owners', '2026-Q4:developer', 'elevator:<decision id>', …).
create table fee_bills (
  street_id uuid not null,
  id uuid not null,
  room_id uuid not null,
  -- The compound of the room, and the property company serving it when billed (a registry organisation).
  compound_id uuid not null,
  company_id uuid,
  bill_key text not null check (length(bill_key) between 1 and 100),
  -- '2026-11', '2026-Q4', '2026', or the one-off's label.
  period_label text not null check (length(period_label) between 1 and 100),
  -- The days billed, half-open [period_start, period_end).
  period_start date not null,
  period_end date not null check (period_end > period_start),
  -- Who pays: the owners of record, or the developer (建设单位) for its unsold or undelivered rooms.
  payer_kind text not null check (payer_kind in ('owners', 'developer')),
  source text not null default 'generated' check (source in ('generated', 'one_off', 'elevator')),
  -- The sum of the bill's lines.
  amount_fen bigint not null check (amount_fen >= 0),
  -- The sum of the approved adjustments (negative lowers what is due; a write-off brings it to what was paid).
  adjusted_fen bigint not null default 0,
  -- Net of refunds; kept in the same transaction as every allocation (fee_payment_allocations).
  paid_fen bigint not null default 0 check (paid_fen >= 0),
  status text not null default 'open' check (status in ('open', 'paid', 'written_off')),
  due_on date not null,
  issued_at timestamptz not null default now(),
  created_by uuid references accounts(id),
  primary key (street_id, id),
  unique (street_id, room_id, bill_key),
  foreign key (street_id, room_id) references street_places (street_id, id),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  check (paid_fen <= amount_fen + adjusted_fen or status = 'written_off')
);
create index fee_bills_id on fee_bills (id);
create index fee_bills_compound on fee_bills (street_id, compound_id, period_start);
create index fee_bills_open on fee_bills (street_id, compound_id, due_on) where status = 'open';
comment on table fee_bills is 'distribution: street';

-- A bill's lines, each with its formula as the payer reads it (面积 × 单价 × 月数).
create table fee_bill_lines (
  street_id uuid not null,
  bill_id uuid not null,
  line_no integer not null check (line_no between 1 and 100),
  item_id uuid,
  label text not null check (length(label) between 1 and 100),
  formula text not null check (length(formula) between 1 and 300),
  amount_fen bigint not null check (amount_fen >= 0),
  primary key (street_id, bill_id, line_no),
  foreign key (street_id, bill_id) references fee_bills (street_id, id) on delete cascade
);
comment on table fee_bill_lines is 'distribution: street';

-- An adjustment or write-off of a bill: requested by one person, applied only when a second approves it.
-- The bill's lines never change; what is due is amount + the approved adjustments.
create table fee_adjustments (
  street_id uuid not null,
  id uuid not null,
  bill_id uuid not null,
  kind text not null check (kind in ('adjust', 'write_off')),
  delta_fen bigint not null,
  reason text not null check (length(reason) between 1 and 500),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  approval_id uuid,
  requested_by uuid references accounts(id),
  requested_at timestamptz not null default now(),
  decided_by uuid references accounts(id),
  decided_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, bill_id) references fee_bills (street_id, id)
);
create index fee_adjustments_bill on fee_adjustments (street_id, bill_id);
comment on table fee_adjustments is 'distribution: street';

-- An owner's authorisation of a tenant (a registry person) to pay a room's bills.
create table fee_tenant_payers (
  street_id uuid not null,
  id uuid not null,
  room_id uuid not null,
  person_id uuid not null,
  granted_by uuid references accounts(id),
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id)
);
create unique index fee_tenant_payers_current on fee_tenant_payers (street_id, room_id, person_id) where revoked_at is null;
comment on table fee_tenant_payers is 'distribution: street';

-- A payment booked: through the gateway (once per provider transaction) or at the counter (cash or POS, with
-- the voucher's number). Booked exactly once: the unique keys below are the guard, not a check beforehand.
create table fee_payments (
  street_id uuid not null,
  id uuid not null,
  -- 'JF' + date + sequence: what a payer quotes.
  no text not null,
  compound_id uuid not null,
  company_id uuid,
  channel text not null check (channel in ('gateway', 'cash', 'pos')),
  provider text check (provider is null or length(provider) between 1 and 30),
  provider_txn_id text check (provider_txn_id is null or length(provider_txn_id) between 1 and 64),
  voucher_no text check (voucher_no is null or length(voucher_no) between 1 and 64),
  amount_fen bigint not null check (amount_fen > 0),
  refunded_fen bigint not null default 0 check (refunded_fen >= 0 and refunded_fen <= amount_fen),
  payer_account_id uuid references accounts(id),
  payer_name_masked text,
  booked_at timestamptz not null,
  booked_by uuid references accounts(id),
  primary key (street_id, id),
  unique (street_id, no),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  check ((channel = 'gateway') = (provider is not null and provider_txn_id is not null)),
  check ((channel <> 'gateway') = (voucher_no is not null))
);
create unique index fee_payments_txn on fee_payments (street_id, provider, provider_txn_id) where channel = 'gateway';
create unique index fee_payments_voucher on fee_payments (street_id, channel, voucher_no) where channel <> 'gateway';
create index fee_payments_id on fee_payments (id);
create index fee_payments_compound on fee_payments (street_id, compound_id, booked_at);
comment on table fee_payments is 'distribution: street';

-- How a payment (or a refund: negative) is spread over bills.
create table fee_payment_allocations (
  street_id uuid not null,
  id uuid not null,
  payment_id uuid not null,
  bill_id uuid not null,
  amount_fen bigint not null check (amount_fen <> 0),
  at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, payment_id) references fee_payments (street_id, id),
  foreign key (street_id, bill_id) references fee_bills (street_id, id)
);
create index fee_payment_allocations_payment on fee_payment_allocations (street_id, payment_id);
create index fee_payment_allocations_bill on fee_payment_allocations (street_id, bill_id);
comment on table fee_payment_allocations is 'distribution: street';

-- Receipts, numbered per issuer (the property company, else the street's centre) and year without gaps:
-- a voided receipt keeps its number.
create table fee_receipt_counters (
  street_id uuid not null,
  issuer_id uuid not null,
  year integer not null,
  last_seq integer not null,
  primary key (street_id, issuer_id, year)
);
comment on table fee_receipt_counters is 'distribution: street';

create table fee_receipts (
  street_id uuid not null,
  id uuid not null,
  issuer_id uuid not null,
  year integer not null,
  seq integer not null check (seq > 0),
  -- 'SJ2026-000123': printed, checked on the public page.
  no text not null,
  payment_id uuid not null,
  compound_id uuid not null,
  amount_fen bigint not null check (amount_fen > 0),
  payer_name_masked text,
  -- '1栋 / 1单元 / 1201' and the periods paid, as printed.
  room_label text not null,
  items_label text not null,
  issued_at timestamptz not null,
  status text not null default 'valid' check (status in ('valid', 'voided')),
  void_reason text,
  void_approval_id uuid,
  voided_at timestamptz,
  voided_by uuid references accounts(id),
  primary key (street_id, id),
  unique (street_id, issuer_id, year, seq),
  unique (street_id, payment_id),
  foreign key (street_id, payment_id) references fee_payments (street_id, id)
);
create index fee_receipts_id on fee_receipts (id);
comment on table fee_receipts is 'distribution: street';
