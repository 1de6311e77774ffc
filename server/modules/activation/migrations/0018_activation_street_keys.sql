-- The activation module's tables carry their street (docs/adr/0003-street-keys.md), or say why not.

alter table act_claims add column street_id uuid;
update act_claims c set street_id = p.street_id from street_places p where p.id = c.place_id;
alter table act_household_codes add column street_id uuid;
update act_household_codes c set street_id = p.street_id from street_places p where p.id = c.place_id;

alter table act_claims drop constraint act_claims_pkey;
alter table act_household_codes drop constraint act_household_codes_pkey;

alter table act_claims
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id);
drop index act_claims_one_pending;
create unique index act_claims_one_pending on act_claims (street_id, account_id, place_id) where status = 'pending';
create index act_claims_id on act_claims (id);

alter table act_household_codes
  alter column street_id set not null,
  add primary key (street_id, place_id),
  add foreign key (street_id, place_id) references street_places (street_id, id),
  -- A resident types the code without knowing the street: the code is issued unique across streets
  -- (checked when issued), and the constraint holds it within the street.
  drop constraint act_household_codes_code_key,
  add unique (street_id, code);
create index act_household_codes_code on act_household_codes (code);

comment on table act_claims is 'distribution: street';
comment on table act_household_codes is 'distribution: street';
comment on table act_otps is 'distribution: coordinator — sign-up codes, keyed by phone before anyone has a street';
comment on table act_claim_attempts is 'distribution: coordinator — claim throttling per account; an unknown code names no room';
