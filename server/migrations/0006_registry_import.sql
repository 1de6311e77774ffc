-- Registry: household imports (rooms, owners, co-owners, tenants, family members from .xlsx/.csv).

-- One uploaded file and what became of it: dry runs overwrite `report`, a commit sets `committed_*`.
create table reg_imports (
  id uuid primary key,
  -- The target place (a compound, or a place above compounds whose file names the compound per row).
  place_id uuid not null references places(id),
  file_key text not null,
  file_name text not null,
  file_size int not null,
  file_sha256 text not null,
  -- No foreign key: the command line imports as the system actor, which has no account row.
  created_by uuid not null,
  created_at timestamptz not null,
  status text not null check (status in ('uploaded','analysed','committing','committed','failed')),
  mapping jsonb,
  report jsonb,
  task_id uuid,
  committed_at timestamptz,
  committed_by uuid
);
create index reg_imports_place on reg_imports (place_id, created_at);

-- Staging: a commit writes its planned rows here in chunks, outside any long transaction, then
-- moves them into the registry with a few set-based statements in one short transaction (so on
-- the single-connection embedded database other requests wait for that short step only).
-- Unlogged: scratch rows, deleted after each commit; nothing to recover after a crash.
create unlogged table reg_import_places (
  import_id uuid not null,
  id uuid not null,
  parent_id uuid not null,
  kind text not null,
  name text not null,
  path text not null,
  depth int not null
);
create unlogged table reg_import_rooms (
  import_id uuid not null,
  op text not null,
  place_id uuid not null,
  floor int,
  area_centi int not null,
  area_source text not null,
  use text not null
);
create unlogged table reg_import_persons (
  import_id uuid not null,
  op text not null,
  id uuid not null,
  place_id uuid not null,
  name text not null,
  phone_enc text,
  phone_hash text,
  phone_masked text,
  id_number_enc text,
  id_number_hash text,
  id_number_masked text,
  tags text[] not null
);
create unlogged table reg_import_households (
  import_id uuid not null,
  op text not null,
  id uuid not null,
  room_id uuid not null,
  person_id uuid not null,
  relation text not null,
  share_bp int
);
