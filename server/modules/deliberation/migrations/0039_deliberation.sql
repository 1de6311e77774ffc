-- 议事协商 (Deliberation): the module's records. Every row carries the place it belongs to, and that place's
-- street, which leads every key (docs/adr/0003-street-keys.md).
create table dlb_records (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  title text not null check (length(title) between 1 and 100),
  created_by uuid references accounts(id), -- null: added by the system (a seed, an import)
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index dlb_records_id on dlb_records (id);
create index dlb_records_place on dlb_records (place_id, created_at desc);
comment on table dlb_records is 'distribution: street';
