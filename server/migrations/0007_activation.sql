-- Activation: residents sign up with a phone and a one-time code, then claim a room; an account
-- matched to a registry person (accounts.person_id) is "activated".

-- One-time codes sent by SMS. Only a keyed hash of the code is stored; a phone number only as its
-- keyed hash (sign-ups belong to no place yet, so these rows carry none).
create table act_otps (
  id uuid primary key,
  phone_hash text not null,
  purpose text not null check (purpose in ('signup')),
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts int not null default 0 check (attempts >= 0),
  consumed_at timestamptz
);
create index act_otps_phone on act_otps (phone_hash, purpose, created_at);

-- Every claim an account makes, with its outcome: the failure limit (5 an hour) counts these.
create table act_claim_attempts (
  id uuid primary key,
  account_id uuid not null references accounts(id),
  -- The room tried, when the claim named one (an unknown activation code names none).
  place_id uuid references places(id),
  at timestamptz not null,
  outcome text not null check (outcome in ('activated', 'pending', 'failed'))
);
create index act_claim_attempts_account on act_claim_attempts (account_id, at);

-- Claims: activated at once when name and ID digits match one current member of the room, else
-- left for the residents' committee to approve (link a member) or reject with a reason.
create table act_claims (
  id uuid primary key,
  account_id uuid not null references accounts(id),
  -- The room claimed.
  place_id uuid not null references places(id),
  method text not null check (method in ('room', 'code')),
  claimed_name text not null check (length(trim(claimed_name)) > 0),
  id_last4 text check (id_last4 ~ '^[0-9]{3}[0-9X]$'),
  status text not null check (status in ('activated', 'pending', 'approved', 'rejected', 'superseded')),
  -- Why a claim waits for review; null when it activated at once.
  reason text check (reason in ('no_person_named', 'name_ambiguous', 'id_mismatch', 'no_id_on_record', 'person_linked_elsewhere')),
  -- The member the name pointed to, if exactly one (a hint for the reviewer). No foreign key into the
  -- registry: a claim outlives a person's deletion, like the audit log.
  candidate_person_id uuid,
  linked_person_id uuid,
  created_at timestamptz not null,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  check (status <> 'rejected' or length(trim(coalesce(decision_note, ''))) > 0)
);
-- One open claim per account and room: a new attempt supersedes the previous one.
create unique index act_claims_one_pending on act_claims (account_id, place_id) where status = 'pending';
create index act_claims_place on act_claims (place_id, status);
create index act_claims_account on act_claims (account_id, created_at);
create index act_claims_pending on act_claims (created_at) where status = 'pending';

-- Per-household activation codes, printed on slips (QR + short code). Random, never derived from
-- the room; unique, so a code names exactly one room.
create table act_household_codes (
  place_id uuid primary key references places(id),
  code text not null unique check (code ~ '^[2-9A-HJKMNP-TV-Z]{8}$'),
  created_at timestamptz not null,
  -- No foreign key: the system actor issues codes too (seeding, tools).
  created_by uuid not null
);
