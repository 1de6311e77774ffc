-- Correction requests (PIPL art. 46): a resident asks for their registry record to be corrected; the
-- request goes to the officials covering the place that registered the person (the residents'
-- committee), who answer it. Kept as the record of the request and the answer.
create table reg_corrections (
  street_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  account_id uuid not null references accounts (id),
  place_id uuid not null,
  field text not null check (field in ('name', 'phone', 'id_number', 'household', 'other')),
  request text not null,
  status text not null default 'open' check (status in ('open', 'answered')),
  answer text,
  answered_by uuid references accounts (id),
  created_at timestamptz not null,
  answered_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, person_id) references reg_persons (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index reg_corrections_account on reg_corrections (account_id);
comment on table reg_corrections is 'distribution: street';
