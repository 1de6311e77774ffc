-- Street keys (docs/adr/0003-street-keys.md): every table that holds a street's work carries the
-- street (`street_id`) in its primary key, each unique constraint and each foreign key, so a
-- province can distribute it by street with Citus. The kernel's part: the place tree splits into
-- the regions above street level (a small reference table) and the street's own places (distributed),
-- read together through the view `places`; approvals carry their street. Each module re-keys its own
-- tables in the migrations that follow (server/modules/*/migrations). How each table is distributed is
-- declared on the table itself (`comment on table … is 'distribution: …'`), where the catalogue test
-- (server/test/street-keys.test.ts) reads it.

-- Cities and districts: one small table every node would hold a copy of.
create table regions (
  id uuid primary key,
  parent_id uuid references regions(id),
  kind text not null check (kind in ('city','district')),
  name text not null check (length(trim(name)) > 0),
  path text collate "C" not null,
  depth int not null,
  created_at timestamptz not null default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now()),
  updated_at timestamptz not null default coalesce(nullif(current_setting('gongzhi.now', true), '')::timestamptz, now())
);
create unique index regions_sibling_name on regions (parent_id, name);
create index regions_path on regions (path);
comment on table regions is 'distribution: reference — the place tree above street level: a few hundred rows that every street''s places hang under';
insert into regions (id, parent_id, kind, name, path, depth, created_at, updated_at)
  select id, parent_id, kind, name, path, depth, created_at, updated_at from places where kind in ('city','district') order by depth;

-- The street's own places: the street itself and everything below it.
alter table places rename to street_places;
alter table street_places add column street_id uuid, add column region_id uuid references regions(id);
update street_places p set street_id = s.id
  from street_places s where s.kind = 'street' and p.path like s.path || '%';
-- A street hangs under its region by region_id; parent_id links places within one street only.
update street_places set region_id = parent_id, parent_id = null where kind = 'street' and parent_id is not null;
-- Dropping the old key drops every foreign key onto it (the self-reference, grants', the modules');
-- the modules put theirs back with the street in them, in their own migrations.
alter table street_places drop constraint places_pkey cascade;
delete from street_places where kind in ('city','district');
alter table street_places alter column street_id set not null;
alter table street_places add constraint street_places_pkey primary key (street_id, id);
alter table street_places add constraint street_places_parent_fkey foreign key (street_id, parent_id) references street_places (street_id, id);
alter table street_places drop constraint places_kind_check;
alter table street_places add constraint street_places_kind_check
  check (kind in ('street','community','grid','compound','building','unit','room'));
alter table street_places add constraint street_places_street_check
  check (case when kind = 'street' then street_id = id and parent_id is null else parent_id is not null and region_id is null end);
drop index places_sibling_name;
-- Streets are siblings under a region across shards: their names are checked by the kernel (insertPlace).
create unique index street_places_sibling_name on street_places (street_id, parent_id, name);
alter index places_path rename to street_places_path;
alter index places_parent rename to street_places_parent;
alter index places_kind rename to street_places_kind;
-- Looking a place up by its id alone (a link, a grant) probes this index (on Citus: every shard's).
create index street_places_id on street_places (id);
create index street_places_region on street_places (region_id);
comment on table street_places is 'distribution: street — a street and everything below it, a city''s million rooms among them';

-- The whole tree, as every reader sees it: a street's parent is its region.
create view places as
  select id, coalesce(parent_id, region_id) as parent_id, kind, name, path, depth, street_id, created_at, updated_at from street_places
  union all
  select id, parent_id, kind, name, path, depth, null::uuid as street_id, created_at, updated_at from regions;

drop trigger places_auth_change on street_places;
create trigger street_places_auth_change after update of path, name, parent_id on street_places
  for each statement execute function gongzhi_notify_auth_change();
create trigger regions_auth_change after update of path, name, parent_id on regions
  for each statement execute function gongzhi_notify_auth_change();

-- Who may do what, and who they are: read with every request, written rarely; grants name places at
-- any level, regions included, so they hold no foreign key onto the distributed places (kernel code
-- checks the place exists when it grants).
comment on table accounts is 'distribution: reference — every account, staff and residents: joined from every street''s records (who reported, who decided)';
comment on table grants is 'distribution: reference — the officials'' grants, at any level of the tree; read with every request';
comment on table sessions is 'distribution: coordinator — signed-in sessions, touched on every request; never joined with a street''s records';
comment on table auth_failures is 'distribution: coordinator — sign-in throttling bookkeeping, keyed by login and client';
comment on table auth_known_clients is 'distribution: coordinator — sign-in throttling bookkeeping, keyed by login and client';
comment on table audit_log is 'distribution: coordinator — one hash chain for the whole installation (ADR 0003: per-street chains when a province outgrows it)';
comment on table audit_head is 'distribution: coordinator — the audit chain''s head';
comment on table schema_migrations is 'distribution: coordinator — which migrations ran';
comment on table tasks is 'distribution: coordinator — progress of background work, short-lived, not always of one place';

-- Approvals belong to the street of the record they change.
alter table approvals add column street_id uuid;
update approvals a set street_id = p.street_id from street_places p where p.id = a.place_id;
alter table approvals alter column street_id set not null;
alter table approvals drop constraint approvals_pkey;
alter table approvals add constraint approvals_pkey primary key (street_id, id);
alter table approvals add constraint approvals_place_fkey foreign key (street_id, place_id) references street_places (street_id, id);
create index approvals_id on approvals (id);
comment on table approvals is 'distribution: street — a request to change a street''s record, and its decision';
