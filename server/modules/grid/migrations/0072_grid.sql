-- Grid work (网格): the module's shared table. Its parts add their own in 0073 (events), 0074 (collection) and
-- 0075 (agency). Every row carries its street, the distribution key (docs/adr/0003-street-keys.md).

-- Files of any part: photos of an event or a collected record, documents of an agency case (ID copies, forms).
-- An agency case's documents are deleted a set time after completion: the file is removed and the row keeps
-- `purged_at`, so the case still shows what was handed in and when it was removed.
create table grid_files (
  street_id uuid not null,
  id uuid not null,
  subject_type text not null check (subject_type in ('event', 'record', 'case')),
  subject_id uuid not null,
  place_id uuid not null,
  kind text not null default 'photo' check (kind in ('photo', 'document')),
  label text not null default '',
  file_key text,
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes integer not null check (size_bytes > 0),
  uploaded_by uuid references accounts (id),
  uploaded_at timestamptz not null default now(),
  purged_at timestamptz,
  primary key (street_id, id),
  check ((file_key is null) = (purged_at is not null))
);
create index grid_files_id on grid_files (id);
create index grid_files_subject on grid_files (street_id, subject_type, subject_id);
create index grid_files_key on grid_files (file_key) where file_key is not null;
comment on table grid_files is 'distribution: street';
