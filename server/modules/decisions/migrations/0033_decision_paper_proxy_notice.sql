-- Decisions 2/4: paper ballot sheets, paper and proxy ballots beside the online ones, proxies with their power of
-- attorney, and the proofs of notice (送达) that staff record by hand. Every row carries its street.

-- 纸质表决票: one personal sheet per head, printed with a code and a QR code; a replacement voids the first.
create table dec_sheets (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  entry_id uuid not null,
  -- What the QR code and the printed line carry: 8 characters a person can type (no I, no O).
  code text not null check (code ~ '^[0-9A-HJ-NP-Z]{8}$'),
  status text not null check (status in ('issued', 'void')),
  void_reason text check (length(void_reason) between 1 and 200),
  replaced_by uuid,
  issued_by uuid references accounts(id),
  issued_at timestamptz not null,
  voided_at timestamptz,
  primary key (street_id, id),
  unique (street_id, decision_id, code),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  foreign key (street_id, entry_id) references dec_roll_entries (street_id, id)
);
create unique index dec_sheets_one_live on dec_sheets (street_id, decision_id, entry_id) where status = 'issued';
comment on table dec_sheets is 'distribution: street';

-- 委托投票: a person (registered or not) who votes for an owner, with the signed power of attorney.
create table dec_proxies (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  entry_id uuid not null,
  name text not null check (length(name) between 1 and 50),
  phone_enc text not null,
  -- The cap on owners per proxy is counted by this keyed hash of the phone.
  phone_hash text not null,
  phone_masked text not null,
  -- The power of attorney as uploaded: {key, sha256, name, mime, size}.
  poa jsonb not null,
  status text not null check (status in ('pending', 'checked', 'rejected', 'revoked')),
  registered_by uuid not null references accounts(id),
  registered_at timestamptz not null,
  checked_by uuid references accounts(id),
  checked_at timestamptz,
  reject_reason text check (length(reject_reason) between 1 and 200),
  revoked_by uuid references accounts(id),
  revoked_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  foreign key (street_id, entry_id) references dec_roll_entries (street_id, id)
);
create unique index dec_proxies_one_live on dec_proxies (street_id, decision_id, entry_id) where status in ('pending', 'checked');
create index dec_proxies_phone on dec_proxies (street_id, decision_id, phone_hash) where status in ('pending', 'checked');
comment on table dec_proxies is 'distribution: street';

-- Paper ballots are entered by one user from the sheet and its scan, and count once a second user checked them;
-- proxy ballots also wait for the power of attorney. Nothing is deleted: a loser across channels is 'duplicate'.
alter table dec_ballots drop constraint dec_ballots_channel_check;
alter table dec_ballots add constraint dec_ballots_channel_check check (channel in ('online', 'paper', 'proxy'));
alter table dec_ballots drop constraint dec_ballots_status_check;
alter table dec_ballots add constraint dec_ballots_status_check
  check (status in ('counted', 'superseded', 'entered', 'mismatched', 'held', 'invalid', 'duplicate'));
alter table dec_ballots alter column choices drop not null;
alter table dec_ballots
  add column sheet_id uuid,
  add column proxy_id uuid,
  -- The scan of the paper sheet: {key, sha256, name, mime, size}; its hash is what an inspection compares.
  add column scan jsonb,
  add column entered_by uuid references accounts(id),
  add column checked_by uuid references accounts(id),
  add column checked_at timestamptz,
  add column invalid_reason text check (invalid_reason in ('unsigned', 'double_mark', 'illegible', 'proxy_rejected', 'other')),
  add column invalid_note text check (length(invalid_note) <= 200),
  add column mismatch_note text check (length(mismatch_note) <= 200),
  -- The ballot that prevailed over this one (status 'duplicate').
  add column duplicate_of uuid,
  add constraint dec_ballots_paper_has_sheet check ((channel = 'online') = (sheet_id is null)),
  add constraint dec_ballots_choices_unless_invalid check (choices is not null or invalid_reason is not null);
create unique index dec_ballots_one_per_sheet on dec_ballots (street_id, decision_id, sheet_id) where sheet_id is not null;
create index dec_ballots_proxy on dec_ballots (street_id, proxy_id) where proxy_id is not null;

-- 送达 recorded by hand: a signed paper receipt per owner, or the public posting for everyone (photo and date).
-- (SMS delivered and in-app messages opened come from the notification service; materials read from dec_deliveries.)
create table dec_proofs (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  entry_id uuid,
  kind text not null check (kind in ('paper_receipt', 'public_posting')),
  on_date date not null,
  location text check (length(location) between 1 and 100),
  file jsonb not null,
  recorded_by uuid not null references accounts(id),
  recorded_at timestamptz not null,
  primary key (street_id, id),
  check ((kind = 'paper_receipt') = (entry_id is not null)),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  foreign key (street_id, entry_id) references dec_roll_entries (street_id, id)
);
create index dec_proofs_decision on dec_proofs (street_id, decision_id, kind);
comment on table dec_proofs is 'distribution: street';
