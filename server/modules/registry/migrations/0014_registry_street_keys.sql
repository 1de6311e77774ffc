-- The registry's tables carry their street (docs/adr/0003-street-keys.md): in the primary key, each
-- unique constraint and each foreign key. Keys within the registry drop with the old primary keys
-- (cascade) and come back with the street in them.

alter table reg_organisations add column street_id uuid;
update reg_organisations o set street_id = p.street_id from street_places p where p.id = o.place_id;
alter table reg_compounds add column street_id uuid;
update reg_compounds c set street_id = p.street_id from street_places p where p.id = c.place_id;
alter table reg_rooms add column street_id uuid;
update reg_rooms r set street_id = p.street_id from street_places p where p.id = r.place_id;
alter table reg_persons add column street_id uuid;
update reg_persons x set street_id = p.street_id from street_places p where p.id = x.place_id;
alter table reg_households add column street_id uuid;
update reg_households h set street_id = r.street_id from reg_rooms r where r.place_id = h.room_id;
alter table reg_positions add column street_id uuid;
update reg_positions x set street_id = o.street_id from reg_organisations o where o.id = x.organisation_id;
alter table reg_imports add column street_id uuid;
update reg_imports i set street_id = p.street_id from street_places p where p.id = i.place_id;

alter table reg_organisations drop constraint reg_organisations_pkey cascade;
alter table reg_rooms drop constraint reg_rooms_pkey cascade;
alter table reg_persons drop constraint reg_persons_pkey cascade;
alter table reg_compounds drop constraint reg_compounds_pkey cascade;
alter table reg_households drop constraint reg_households_pkey cascade;
alter table reg_positions drop constraint reg_positions_pkey cascade;
alter table reg_imports drop constraint reg_imports_pkey cascade;

alter table reg_organisations
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id),
  add foreign key (street_id, parent_id) references reg_organisations (street_id, id),
  drop constraint reg_organisations_place_id_kind_name_key,
  add unique (street_id, place_id, kind, name);
create index reg_organisations_id on reg_organisations (id);

alter table reg_compounds
  alter column street_id set not null,
  add primary key (street_id, place_id),
  add foreign key (street_id, place_id) references street_places (street_id, id),
  -- A company that serves compounds in two streets is registered in each (ADR 0003).
  add foreign key (street_id, property_company_id) references reg_organisations (street_id, id);

alter table reg_rooms
  alter column street_id set not null,
  add primary key (street_id, place_id),
  add foreign key (street_id, place_id) references street_places (street_id, id);
create index reg_rooms_place on reg_rooms (place_id);

alter table reg_persons
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id),
  -- One record per person and street: someone with rooms in two streets is in each street's registry.
  drop constraint reg_persons_id_number_hash_key,
  add unique (street_id, id_number_hash);
create index reg_persons_id on reg_persons (id);
create index reg_persons_id_number_hash on reg_persons (id_number_hash);

alter table reg_households
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, room_id) references reg_rooms (street_id, place_id),
  add foreign key (street_id, person_id) references reg_persons (street_id, id),
  add foreign key (street_id, organisation_id) references reg_organisations (street_id, id);
drop index reg_households_current;
create unique index reg_households_current on reg_households (street_id, room_id, coalesce(person_id, organisation_id), relation)
  where end_date is null;
create index reg_households_id on reg_households (id);

alter table reg_positions
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, person_id) references reg_persons (street_id, id),
  add foreign key (street_id, organisation_id) references reg_organisations (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id);
create index reg_positions_id on reg_positions (id);

alter table reg_imports
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id);
create index reg_imports_id on reg_imports (id);

comment on table reg_organisations is 'distribution: street';
comment on table reg_compounds is 'distribution: street';
comment on table reg_rooms is 'distribution: street';
comment on table reg_persons is 'distribution: street';
comment on table reg_households is 'distribution: street';
comment on table reg_positions is 'distribution: street';
comment on table reg_imports is 'distribution: street';
comment on table reg_import_rooms is 'distribution: coordinator — an import''s staging rows, unlogged, gone when it ends';
comment on table reg_import_persons is 'distribution: coordinator — an import''s staging rows, unlogged, gone when it ends';
comment on table reg_import_households is 'distribution: coordinator — an import''s staging rows, unlogged, gone when it ends';
