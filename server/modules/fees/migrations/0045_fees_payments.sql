-- 物业费 payments: pay orders through a gateway (and the bills each covers), every gateway notification kept with
-- its outcome, refunds, reconciliation of the provider's daily statement against the book, and settlement (清分)
-- batches per property company and period. Also the built-in sandbox provider's own tables (fee_sbx_*).

-- A resident's pay order: one room's chosen open bills, the amount due when it was made.
create table fee_pay_orders (
  street_id uuid not null,
  id uuid not null,
  -- The out_trade_no the provider knows the order by: 'PO' + Shanghai date + random.
  no text not null check (length(no) between 1 and 32),
  provider text not null check (length(provider) between 1 and 30),
  room_id uuid not null,
  compound_id uuid not null,
  company_id uuid,
  payer_account_id uuid references accounts(id),
  payer_name_masked text,
  amount_fen bigint not null check (amount_fen > 0),
  -- created → paid (booked) | flagged (the gateway reported another amount, or the bills changed: never booked,
  -- staff resolve) | closed (cancelled, or resolved by staff).
  status text not null default 'created' check (status in ('created', 'paid', 'flagged', 'closed')),
  provider_order_no text,
  provider_txn_id text,
  -- Flagged: what the gateway reported minus the order's amount (0 when the bills changed instead), and why.
  flag_diff_fen bigint,
  flag_note text,
  resolved_note text check (resolved_note is null or length(resolved_note) <= 500),
  resolved_by uuid references accounts(id),
  payment_id uuid,
  -- The time of the newest notification applied: an older one arriving later changes nothing.
  last_event_at timestamptz,
  created_at timestamptz not null,
  paid_at timestamptz,
  primary key (street_id, id),
  unique (street_id, no),
  foreign key (street_id, room_id) references street_places (street_id, id),
  foreign key (street_id, payment_id) references fee_payments (street_id, id)
);
-- A notification names the order by its number alone: found by it (the merchant account says the street).
create index fee_pay_orders_no on fee_pay_orders (no);
create index fee_pay_orders_id on fee_pay_orders (id);
create index fee_pay_orders_flagged on fee_pay_orders (street_id, compound_id) where status = 'flagged';
comment on table fee_pay_orders is 'distribution: street';

create table fee_pay_order_bills (
  street_id uuid not null,
  order_id uuid not null,
  bill_id uuid not null,
  due_fen bigint not null check (due_fen > 0),
  primary key (street_id, order_id, bill_id),
  foreign key (street_id, order_id) references fee_pay_orders (street_id, id),
  foreign key (street_id, bill_id) references fee_bills (street_id, id)
);
comment on table fee_pay_order_bills is 'distribution: street';

-- Every notification a gateway sent, kept with what became of it (booked, duplicate, stale, flagged, refused…).
create table fee_gateway_events (
  id uuid primary key,
  provider text not null,
  -- Known once the notification is verified and its order found.
  street_id uuid,
  order_id uuid,
  kind text not null check (kind in ('pay', 'refund', 'unknown')),
  out_trade_no text,
  txn_id text,
  amount_fen bigint,
  outcome text not null check (outcome in ('booked', 'duplicate', 'stale', 'flagged', 'refund_confirmed', 'refused_signature', 'refused_unknown_order', 'refused_malformed')),
  detail text not null default '',
  body text not null,
  received_at timestamptz not null
);
create index fee_gateway_events_order on fee_gateway_events (order_id);
create index fee_gateway_events_received on fee_gateway_events (received_at);
comment on table fee_gateway_events is 'distribution: coordinator — a notification is kept before it is trusted, and a forged or unknown one names no street';

-- A refund of a payment, full or partial: through the provider (gateway payments) or cash out at the counter.
-- Its reversal of the bills is in fee_payment_allocations (negative amounts, most recent bill first).
create table fee_refunds (
  street_id uuid not null,
  id uuid not null,
  -- The out_refund_no the provider knows it by.
  no text not null,
  payment_id uuid not null,
  compound_id uuid not null,
  amount_fen bigint not null check (amount_fen > 0),
  reason text not null check (length(reason) between 1 and 500),
  provider_refund_txn text,
  voucher_no text check (voucher_no is null or length(voucher_no) between 1 and 64),
  -- Gateway refunds: when the provider's notification confirmed it.
  confirmed_at timestamptz,
  refunded_at timestamptz not null,
  refunded_by uuid references accounts(id),
  primary key (street_id, id),
  unique (street_id, no),
  foreign key (street_id, payment_id) references fee_payments (street_id, id)
);
create index fee_refunds_payment on fee_refunds (street_id, payment_id);
create index fee_refunds_at on fee_refunds (street_id, refunded_at);
comment on table fee_refunds is 'distribution: street';

-- A reconciliation run: the provider's statement of one day for the street's merchant account, compared with the book.
create table fee_recon_runs (
  street_id uuid not null,
  id uuid not null,
  provider text not null,
  day date not null,
  source text not null check (source in ('fetched', 'uploaded')),
  statement_rows integer not null,
  book_rows integer not null,
  diffs integer not null,
  statement_csv text not null,
  run_at timestamptz not null,
  run_by uuid references accounts(id),
  primary key (street_id, id)
);
create index fee_recon_runs_day on fee_recon_runs (street_id, day);
comment on table fee_recon_runs is 'distribution: street';

create table fee_recon_diffs (
  street_id uuid not null,
  id uuid not null,
  run_id uuid not null,
  -- The compound of the payment the row belongs to, when the book knows it.
  compound_id uuid,
  kind text not null check (kind in ('missing_in_book', 'missing_in_statement', 'amount_differs')),
  txn_type text not null check (txn_type in ('pay', 'refund')),
  txn_id text not null,
  out_trade_no text,
  statement_fen bigint,
  book_fen bigint,
  status text not null default 'open' check (status in ('open', 'resolved')),
  note text check (note is null or length(note) <= 500),
  resolved_by uuid references accounts(id),
  resolved_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, run_id) references fee_recon_runs (street_id, id)
);
create index fee_recon_diffs_open on fee_recon_diffs (street_id, status);
create index fee_recon_diffs_id on fee_recon_diffs (id);
comment on table fee_recon_diffs is 'distribution: street';

-- Settlement (清分): the net money booked for one property company's compounds in a period, settled by the
-- provider's split payment (gateway money) or the centre's bank (counter money); lines never edited.
create table fee_settlement_batches (
  street_id uuid not null,
  id uuid not null,
  company_id uuid not null,
  channel text not null check (channel in ('split', 'bank')),
  period_kind text not null check (period_kind in ('day', 'month')),
  period_label text not null,
  period_start date not null,
  period_end date not null check (period_end > period_start),
  paid_fen bigint not null,
  refunded_fen bigint not null,
  net_fen bigint not null,
  status text not null default 'draft' check (status in ('draft', 'sent', 'matched', 'mismatch')),
  statement_fen bigint,
  statement_ref text check (statement_ref is null or length(statement_ref) <= 100),
  created_by uuid references accounts(id),
  created_at timestamptz not null,
  sent_at timestamptz,
  matched_at timestamptz,
  primary key (street_id, id),
  unique (street_id, company_id, channel, period_label)
);
create index fee_settlement_batches_id on fee_settlement_batches (id);
comment on table fee_settlement_batches is 'distribution: street';

create table fee_settlement_lines (
  street_id uuid not null,
  batch_id uuid not null,
  line_no integer not null,
  kind text not null check (kind in ('payment', 'refund')),
  ref_id uuid not null,
  ref_no text not null,
  compound_id uuid not null,
  -- Negative for a refund.
  amount_fen bigint not null,
  at timestamptz not null,
  primary key (street_id, batch_id, line_no),
  foreign key (street_id, batch_id) references fee_settlement_batches (street_id, id)
);
comment on table fee_settlement_lines is 'distribution: street';

-- ——— The sandbox provider (gateway/sandbox.ts): it stands in for an outside payment company. ———

create table fee_sbx_orders (
  order_no text primary key,
  merchant_id text not null,
  -- The split-payment receiver (the property company), for its settlement statement.
  sub_merchant_id text,
  out_trade_no text not null,
  amount_fen bigint not null check (amount_fen > 0),
  subject text not null,
  notify_url text not null,
  return_url text,
  status text not null default 'created' check (status in ('created', 'paid', 'cancelled')),
  -- Test switch: how the notification of the payment is sent (normal, twice, out_of_order, wrong_amount, forged).
  mode text not null default 'normal',
  txn_id text unique,
  paid_at timestamptz,
  refunded_fen bigint not null default 0,
  created_at timestamptz not null,
  unique (merchant_id, out_trade_no)
);
comment on table fee_sbx_orders is 'distribution: coordinator — the sandbox stands in for an outside payment provider; it knows merchants, not streets';

create table fee_sbx_refunds (
  refund_txn_id text primary key,
  order_no text not null references fee_sbx_orders (order_no),
  out_refund_no text not null,
  amount_fen bigint not null check (amount_fen > 0),
  refunded_at timestamptz not null,
  unique (order_no, out_refund_no)
);
comment on table fee_sbx_refunds is 'distribution: coordinator — the sandbox provider''s refunds, keyed by its own numbers';

-- The sandbox's outbox of notifications: delivered by a job with retries and backoff until the merchant answers success.
create table fee_sbx_notifications (
  id bigserial primary key,
  url text not null,
  body text not null,
  headers jsonb not null,
  attempts integer not null default 0,
  next_at timestamptz not null,
  delivered_at timestamptz,
  last_error text
);
create index fee_sbx_notifications_due on fee_sbx_notifications (next_at) where delivered_at is null;
comment on table fee_sbx_notifications is 'distribution: coordinator — the sandbox provider''s delivery queue, outside any street';
