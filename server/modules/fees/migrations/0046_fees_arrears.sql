-- 物业费 — receipts, arrears and figures (the arrears part): tax-invoice requests on receipts, reminder batches
-- with one reminder per room in arrears, and arrears cases handed on to a grid visit and then to mediation.
-- Receipts themselves and their void state are 0044's (fee_receipts). Every key leads with the street.

-- A request for a tax invoice (发票) on a receipt: recorded and tracked here; the tax system itself is out of
-- reach, so staff issue the invoice there and record its number, or reject the request with a reason.
create table fee_invoice_requests (
  street_id uuid not null,
  id uuid not null,
  receipt_id uuid not null,
  compound_id uuid not null,
  -- 抬头: a person's name or a company's.
  title text not null check (length(title) between 1 and 100),
  tax_no text check (tax_no is null or length(tax_no) between 15 and 20),
  email text not null check (length(email) between 3 and 100),
  status text not null default 'requested' check (status in ('requested', 'issued', 'rejected')),
  invoice_no text check (invoice_no is null or length(invoice_no) between 1 and 40),
  invoice_date date,
  reject_reason text check (reject_reason is null or length(reject_reason) between 1 and 200),
  requested_by uuid references accounts(id),
  requested_at timestamptz not null,
  decided_by uuid references accounts(id),
  decided_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, receipt_id) references fee_receipts (street_id, id),
  check ((status = 'issued') = (invoice_no is not null and invoice_date is not null)),
  check ((status = 'rejected') = (reject_reason is not null))
);
create index fee_invoice_requests_id on fee_invoice_requests (id);
create index fee_invoice_requests_receipt on fee_invoice_requests (street_id, receipt_id);
-- One request at a time per receipt: a rejected one may be asked again.
create unique index fee_invoice_requests_live on fee_invoice_requests (street_id, receipt_id) where status <> 'rejected';
comment on table fee_invoice_requests is 'distribution: street';

-- A reminder batch (催缴): staff chose a compound or a building, a minimum ageing band and channels.
create table fee_reminder_batches (
  street_id uuid not null,
  id uuid not null,
  -- The compound or building chosen, and its compound.
  place_id uuid not null,
  compound_id uuid not null,
  min_band text not null check (min_band in ('upTo3', 'from3To6', 'from6To12', 'over12')),
  channels text[] not null,
  rooms integer not null default 0,
  amount_fen bigint not null default 0,
  created_by uuid references accounts(id),
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index fee_reminder_batches_id on fee_reminder_batches (id);
create index fee_reminder_batches_compound on fee_reminder_batches (street_id, compound_id, created_at);
comment on table fee_reminder_batches is 'distribution: street';

-- One reminder per room of a batch: the room's arrears when sent, and its kernel notify batch (whose messages,
-- one per recipient and channel, carry the delivery status). A payment for the room stops it: its queued
-- messages are cancelled and the reminder marked stopped.
create table fee_reminders (
  street_id uuid not null,
  id uuid not null,
  batch_id uuid not null,
  room_id uuid not null,
  amount_fen bigint not null check (amount_fen > 0),
  months_overdue integer not null,
  notify_batch_id uuid,
  recipients integer not null default 0,
  status text not null default 'sent' check (status in ('sent', 'stopped')),
  stopped_at timestamptz,
  primary key (street_id, id),
  unique (street_id, batch_id, room_id),
  foreign key (street_id, batch_id) references fee_reminder_batches (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id)
);
create index fee_reminders_room on fee_reminders (street_id, room_id) where status = 'sent';
comment on table fee_reminders is 'distribution: street';

-- An arrears case (欠费处置): opened by staff for a room in arrears, handed to a grid worker's visit, then to
-- mediation; the grid and mediation modules read and record through fees' exported hooks.
create table fee_arrears_cases (
  street_id uuid not null,
  id uuid not null,
  room_id uuid not null,
  compound_id uuid not null,
  status text not null default 'open' check (status in ('open', 'visit', 'mediation', 'closed')),
  -- The arrears when the case was opened.
  amount_fen bigint not null check (amount_fen > 0),
  note text not null default '' check (length(note) <= 500),
  visit_outcome text check (visit_outcome is null or visit_outcome in ('promised', 'refused', 'unreachable', 'paid')),
  mediation_outcome text check (mediation_outcome is null or mediation_outcome in ('agreed', 'failed', 'withdrawn')),
  opened_by uuid references accounts(id),
  opened_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, room_id) references street_places (street_id, id)
);
create index fee_arrears_cases_id on fee_arrears_cases (id);
create index fee_arrears_cases_status on fee_arrears_cases (street_id, status, updated_at);
-- One live case per room.
create unique index fee_arrears_cases_live on fee_arrears_cases (street_id, room_id) where status <> 'closed';
comment on table fee_arrears_cases is 'distribution: street';

-- A case's history: each hand-on and note, by whom (staff, or the grid worker or mediator through the hooks).
create table fee_arrears_case_notes (
  street_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  step text not null check (step in ('opened', 'note', 'to_visit', 'visited', 'to_mediation', 'mediated', 'closed')),
  text text not null default '' check (length(text) <= 500),
  by_account uuid references accounts(id),
  at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, case_id) references fee_arrears_cases (street_id, id)
);
create index fee_arrears_case_notes_case on fee_arrears_case_notes (street_id, case_id, at);
comment on table fee_arrears_case_notes is 'distribution: street';
