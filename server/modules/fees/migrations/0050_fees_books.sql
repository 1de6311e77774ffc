-- 信托制 open books (issue 19 §3, the books part): per compound, the contract's remuneration setting (酬金制), a
-- monthly statement of every income and expense with its vouchers and basis, confirmed by the owners' committee
-- and by the property company, then published to the compound's owners. Every key leads with the street.

-- The compound's account: how the company's remuneration is computed under its contract — a share of the month's
-- income in basis points, or a fixed amount per month — and the contract's number.
create table fee_book_accounts (
  street_id uuid not null,
  compound_id uuid not null,
  mode text not null check (mode in ('share_bp', 'fixed_fen')),
  share_bp integer check (share_bp between 0 and 10000),
  fixed_fen bigint check (fixed_fen between 0 and 100000000000),
  contract_no text not null check (length(contract_no) between 1 and 64),
  updated_by uuid references accounts(id),
  updated_at timestamptz not null,
  primary key (street_id, compound_id),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  check ((mode = 'share_bp') = (share_bp is not null)),
  check ((mode = 'fixed_fen') = (fixed_fen is not null))
);
comment on table fee_book_accounts is 'distribution: street';

-- A monthly statement: draft until both confirmations are given, then published (and never changed again). A
-- change to any line of a draft clears both confirmations (use-cases/book-lines.ts).
create table fee_book_statements (
  street_id uuid not null,
  id uuid not null,
  compound_id uuid not null,
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  status text not null default 'draft' check (status in ('draft', 'published')),
  committee_confirmed_by uuid references accounts(id),
  committee_confirmed_at timestamptz,
  company_confirmed_by uuid references accounts(id),
  company_confirmed_at timestamptz,
  published_by uuid references accounts(id),
  published_at timestamptz,
  created_by uuid references accounts(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, compound_id, month),
  foreign key (street_id, compound_id) references street_places (street_id, id),
  -- Who confirmed or published: an account, or null for the system (no account row).
  check (committee_confirmed_at is not null or committee_confirmed_by is null),
  check (company_confirmed_at is not null or company_confirmed_by is null),
  check ((status = 'published') = (published_at is not null)),
  check (status = 'draft' or (committee_confirmed_at is not null and company_confirmed_at is not null))
);
create index fee_book_statements_id on fee_book_statements (id);
create index fee_book_statements_compound on fee_book_statements (street_id, compound_id, month desc);
comment on table fee_book_statements is 'distribution: street';

-- A line: an income or an expense. `source` says who wrote it: staff (manual), or computed — the fees collected
-- in the month from the module's own payments (fees), the company's remuneration by the contract (remuneration).
-- A manual line rests on an owners' decision (its id) or a contract (its number).
create table fee_book_lines (
  street_id uuid not null,
  id uuid not null,
  statement_id uuid not null,
  line_no integer not null check (line_no > 0),
  direction text not null check (direction in ('income', 'expense')),
  category text not null check (category in ('fees', 'parking', 'advertising', 'rent', 'other_income',
    'labour', 'cleaning', 'greening', 'security', 'repairs', 'utilities', 'other_expense', 'remuneration')),
  source text not null default 'manual' check (source in ('manual', 'fees', 'remuneration')),
  amount_fen bigint not null check (amount_fen between 0 and 100000000000),
  counterparty text not null check (length(counterparty) between 1 and 100),
  -- A person's name is masked to owners (张*); an organisation's is shown whole.
  counterparty_kind text not null check (counterparty_kind in ('person', 'organisation')),
  description text not null check (length(description) between 1 and 300),
  occurred_on date not null,
  basis_kind text check (basis_kind in ('decision', 'contract')),
  basis_ref text check (basis_ref is null or length(basis_ref) between 1 and 64),
  basis_label text check (basis_label is null or length(basis_label) between 1 and 200),
  formula text check (formula is null or length(formula) <= 300),
  created_by uuid references accounts(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, statement_id, line_no),
  foreign key (street_id, statement_id) references fee_book_statements (street_id, id),
  check ((source = 'manual') = (basis_kind is not null and basis_ref is not null)),
  check ((source = 'manual') = (formula is null)),
  check ((source = 'fees') = (category = 'fees')),
  check ((source = 'remuneration') = (category = 'remuneration')),
  check ((direction = 'income') = (category in ('fees', 'parking', 'advertising', 'rent', 'other_income')))
);
create index fee_book_lines_id on fee_book_lines (id);
create index fee_book_lines_statement on fee_book_lines (street_id, statement_id, line_no);
comment on table fee_book_lines is 'distribution: street';

-- A voucher of a line (an invoice photo or a PDF), in the kernel's file store. `masked`: staff ticked 此凭证已遮盖
-- 个人信息 when attaching it; an expense whose voucher lacks it is never published.
create table fee_book_vouchers (
  street_id uuid not null,
  id uuid not null,
  line_id uuid not null,
  file_key text not null check (file_key ~ '^[0-9a-f]{64}$'),
  file_name text not null check (length(file_name) between 1 and 200),
  mime text not null check (mime in ('image/jpeg', 'image/png', 'application/pdf')),
  size_bytes integer not null check (size_bytes > 0),
  masked boolean not null,
  uploaded_by uuid references accounts(id),
  uploaded_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, line_id) references fee_book_lines (street_id, id) on delete cascade
);
create index fee_book_vouchers_id on fee_book_vouchers (id);
create index fee_book_vouchers_line on fee_book_vouchers (street_id, line_id);
comment on table fee_book_vouchers is 'distribution: street';
