-- Payout statements (kernel/payouts): the street pays out money in several ways that work alike —
-- a statement per kind, payee and period, computed line by line from records a module owns, reviewed,
-- approved by a second approver, paid with a voucher, closed. Lines are never edited or deleted: a
-- correction is a reversing line (and maybe a replacement). Totals are the sum of the lines, in SQL.

create table payout_statements (
  street_id uuid not null,
  id uuid not null,
  -- '<module>.<name>', the kind a module declared (its manifest's `payouts`).
  kind text not null check (kind ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$'),
  payee_type text not null check (length(trim(payee_type)) > 0),
  payee_id uuid not null,
  payee_name text not null check (length(trim(payee_name)) > 0),
  -- The nearest place above all of the statement's lines: whose grants reach it.
  place_id uuid not null,
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
  status text not null default 'draft' check (status in ('draft', 'reviewed', 'approved', 'paid', 'closed')),
  generated_at timestamptz not null,
  -- Null when the job made it (the system); an account when someone generated it on demand.
  generated_by uuid references accounts(id),
  reviewed_by uuid references accounts(id),
  reviewed_at timestamptz,
  approved_by uuid references accounts(id),
  approved_at timestamptz,
  paid_by uuid references accounts(id),
  paid_at timestamptz,
  voucher_no text,
  voucher_file_key text,
  voucher_file_name text,
  voucher_mime text,
  closed_by uuid references accounts(id),
  closed_at timestamptz,
  primary key (street_id, id),
  unique (street_id, kind, payee_type, payee_id, period),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check (status in ('draft', 'reviewed') or approved_by is not null),
  check (status not in ('paid', 'closed') or (voucher_no is not null and voucher_file_key is not null))
);
create index payout_statements_id on payout_statements (id);
create index payout_statements_period on payout_statements (street_id, period, kind, status);
create index payout_statements_place on payout_statements (place_id);
comment on table payout_statements is 'distribution: street';

create table payout_lines (
  street_id uuid not null,
  id uuid not null,
  statement_id uuid not null,
  -- The record that backs the line, in the declaring module's tables (a position, a case, a record).
  source_type text not null check (length(trim(source_type)) > 0),
  source_id uuid not null,
  place_id uuid not null,
  description text not null,
  quantity bigint not null,
  unit_fen bigint not null,
  amount_fen bigint not null,
  -- A correction's reversing line names the line it cancels, and why.
  reverses_line_id uuid,
  reason text,
  created_at timestamptz not null,
  created_by uuid references accounts(id),
  primary key (street_id, id),
  foreign key (street_id, statement_id) references payout_statements (street_id, id),
  foreign key (street_id, reverses_line_id) references payout_lines (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check (amount_fen = quantity * unit_fen),
  check (reverses_line_id is null or (reason is not null and length(trim(reason)) > 0))
);
create index payout_lines_statement on payout_lines (street_id, statement_id);
-- A line is reversed at most once.
create unique index payout_lines_reversed_once on payout_lines (street_id, reverses_line_id) where reverses_line_id is not null;
comment on table payout_lines is 'distribution: street';

-- Each backing record, once per kind (or once per kind and period, for a kind whose records back a line
-- every period: a position held, for an allowance): the first generation that saw it claims it, so a later
-- run never pays it again (the primary key holds it under concurrent runs too). `claim_period` is the
-- period for such kinds, 'once' for the others. `line_id` is the line paying it now — null once a
-- correction reversed it without a replacement.
create table payout_sources (
  street_id uuid not null,
  kind text not null,
  source_type text not null,
  source_id uuid not null,
  claim_period text not null,
  line_id uuid,
  primary key (street_id, kind, source_type, source_id, claim_period),
  foreign key (street_id, line_id) references payout_lines (street_id, id)
);
comment on table payout_sources is 'distribution: street';
