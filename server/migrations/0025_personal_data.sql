-- Personal-data rights (PIPL): consent to the privacy notice, per account and notice version, with the
-- separate consent to sensitive data (the ID number, art. 29); a new version asks again, the old rows
-- stay as the record of what was agreed to and when.
create table privacy_consents (
  account_id uuid not null references accounts (id),
  version text not null,
  sensitive boolean not null,
  consented_at timestamptz not null,
  primary key (account_id, version)
);
comment on table privacy_consents is 'distribution: reference — one row per account and notice version, like notify_settings';
