-- The opinions module's tables carry their street (docs/adr/0003-street-keys.md).

alter table op_opinions add column street_id uuid;
update op_opinions o set street_id = p.street_id from street_places p where p.id = o.place_id;
alter table op_me_too add column street_id uuid;
update op_me_too m set street_id = o.street_id from op_opinions o where o.id = m.opinion_id;

alter table op_opinions drop constraint op_opinions_pkey cascade;
alter table op_me_too drop constraint op_me_too_pkey;

alter table op_opinions
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id),
  add foreign key (street_id, room_id) references street_places (street_id, id);
create index op_opinions_id on op_opinions (id);

alter table op_me_too
  alter column street_id set not null,
  add primary key (street_id, opinion_id, person_id),
  add foreign key (street_id, opinion_id) references op_opinions (street_id, id);

comment on table op_opinions is 'distribution: street';
comment on table op_me_too is 'distribution: street';
