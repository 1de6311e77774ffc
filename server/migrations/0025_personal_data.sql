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

-- A closed account (注销) keeps its row — audit entries and kept records point at it — but no way to sign
-- in: its phone and username are erased, so the "one of them" rule holds for open accounts only.
alter table accounts drop constraint accounts_check;
alter table accounts add constraint accounts_login_check check (disabled or username is not null or phone_hash is not null);
