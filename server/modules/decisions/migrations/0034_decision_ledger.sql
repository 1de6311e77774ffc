-- Decisions 3/4: ballots anyone can verify. At opening the decision's manifest (items, rules, period, totals and
-- the roll's hash) is sealed; every ballot that counts gets a receipt committing to its choices; the receipts form
-- a hash chain per decision from the manifest's hash, closed at the count; the chain's head is published.

alter table dec_decisions
  add column manifest jsonb,
  add column manifest_hash text check (manifest_hash ~ '^[0-9a-f]{64}$');

-- receipt = H(decision ‖ roll key ‖ canonical choices ‖ nonce): shown to the owner, listed on the public board.
alter table dec_ballots
  add column receipt text check (receipt ~ '^[0-9a-f]{64}$'),
  add column nonce text check (nonce ~ '^[0-9a-f]{32}$');
create unique index dec_ballots_receipt on dec_ballots (street_id, decision_id, receipt) where receipt is not null;

-- hᵢ = H(hᵢ₋₁ ‖ receipt ‖ time ‖ channel ‖ superseded receipt), h₀ = the manifest's hash; closed by H(hₙ ‖ "CLOSE").
create table dec_chain (
  street_id uuid not null,
  decision_id uuid not null,
  seq integer not null check (seq > 0),
  kind text not null check (kind in ('ballot', 'close')),
  ballot_id uuid,
  receipt text,
  channel text check (channel in ('online', 'paper', 'proxy')),
  supersedes text,
  at timestamptz not null,
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  primary key (street_id, decision_id, seq),
  check ((kind = 'ballot') = (ballot_id is not null and receipt is not null and channel is not null)),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  foreign key (street_id, ballot_id) references dec_ballots (street_id, id)
);
create unique index dec_chain_receipt on dec_chain (street_id, decision_id, receipt) where receipt is not null;
comment on table dec_chain is 'distribution: street';

-- The chain's head as published on the public board (hourly while voting, and at the close).
create table dec_chain_heads (
  street_id uuid not null,
  decision_id uuid not null,
  seq integer not null check (seq >= 0),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  published_at timestamptz not null,
  primary key (street_id, decision_id, published_at),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id)
);
comment on table dec_chain_heads is 'distribution: street';

-- An owner's report that the receipt they hold is not what the board shows: it reaches the street.
create table dec_receipt_reports (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  receipt text not null check (length(receipt) between 8 and 64),
  note text not null default '' check (length(note) <= 500),
  account_id uuid references accounts(id),
  created_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id)
);
comment on table dec_receipt_reports is 'distribution: street';
