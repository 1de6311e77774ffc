-- The repairs module's tables carry their street (docs/adr/0003-street-keys.md).

alter table rep_orders add column street_id uuid;
update rep_orders o set street_id = p.street_id from street_places p where p.id = o.place_id;
alter table rep_photos add column street_id uuid;
update rep_photos x set street_id = o.street_id from rep_orders o where o.id = x.order_id;
alter table rep_events add column street_id uuid;
update rep_events x set street_id = o.street_id from rep_orders o where o.id = x.order_id;
alter table rep_escalations add column street_id uuid;
update rep_escalations x set street_id = o.street_id from rep_orders o where o.id = x.order_id;
alter table rep_settings add column street_id uuid;
update rep_settings x set street_id = p.street_id from street_places p where p.id = x.place_id;
alter table rep_time_limits add column street_id uuid;
update rep_time_limits x set street_id = p.street_id from street_places p where p.id = x.place_id;

alter table rep_orders drop constraint rep_orders_pkey cascade;
alter table rep_photos drop constraint rep_photos_pkey;
alter table rep_events drop constraint rep_events_pkey;
alter table rep_escalations drop constraint rep_escalations_pkey;
alter table rep_settings drop constraint rep_settings_pkey;
alter table rep_time_limits drop constraint rep_time_limits_pkey;

alter table rep_orders
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id),
  add foreign key (street_id, compound_id) references street_places (street_id, id),
  add foreign key (street_id, community_id) references street_places (street_id, id),
  -- Numbers come from one sequence, so they stay unique across streets too.
  drop constraint rep_orders_no_key,
  add unique (street_id, no);
create index rep_orders_id on rep_orders (id);
create index rep_orders_no on rep_orders (no);

alter table rep_photos
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, order_id) references rep_orders (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id);

alter table rep_events
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, order_id) references rep_orders (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id);

alter table rep_escalations
  alter column street_id set not null,
  add primary key (street_id, id),
  add foreign key (street_id, order_id) references rep_orders (street_id, id),
  add foreign key (street_id, place_id) references street_places (street_id, id),
  add foreign key (street_id, community_id) references street_places (street_id, id),
  drop constraint rep_escalations_order_id_kind_due_at_key,
  add unique (street_id, order_id, kind, due_at);
create index rep_escalations_id on rep_escalations (id);

alter table rep_settings
  alter column street_id set not null,
  add primary key (street_id, place_id),
  add foreign key (street_id, place_id) references street_places (street_id, id);

alter table rep_time_limits
  alter column street_id set not null,
  add primary key (street_id, place_id, category),
  add foreign key (street_id, place_id) references street_places (street_id, id);

comment on table rep_orders is 'distribution: street';
comment on table rep_photos is 'distribution: street';
comment on table rep_events is 'distribution: street';
comment on table rep_escalations is 'distribution: street';
comment on table rep_settings is 'distribution: street';
comment on table rep_time_limits is 'distribution: street';
