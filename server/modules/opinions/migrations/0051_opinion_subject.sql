-- What an opinion is about, when another module's record asked for it (issue 19 §3: an owner questions a line of
-- the compound's open books). The module, the kind of record and its id, and a label shown with the opinion
-- ("2026-11 账目 第 3 行"); all four or none. No foreign key: the record is the other module's.
alter table op_opinions
  add column subject_module text check (subject_module is null or subject_module ~ '^[a-z][a-z_]{1,30}$'),
  add column subject_type text check (subject_type is null or subject_type ~ '^[a-z][a-z_]{1,40}$'),
  add column subject_id uuid,
  add column subject_label text check (subject_label is null or length(subject_label) between 1 and 100),
  add constraint op_opinions_subject_whole check (
    (subject_module is null) = (subject_type is null)
    and (subject_module is null) = (subject_id is null)
    and (subject_module is null) = (subject_label is null)
  );
-- The other module reads the opinions about its records by their ids.
create index op_opinions_subject on op_opinions (subject_id) where subject_id is not null;
