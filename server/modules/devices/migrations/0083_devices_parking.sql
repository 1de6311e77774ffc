-- Temporary parking (issue 26 §4): who settled a session's fee (paid or waived) and with what note. The fee itself
-- stays on the session until the fees module has a public face for ad-hoc charges.
alter table dev_parking_sessions
  add column fee_note text not null default '' check (length(fee_note) <= 200),
  add column settled_by uuid references accounts (id),
  add column settled_by_name text not null default '',
  add column settled_at timestamptz;
