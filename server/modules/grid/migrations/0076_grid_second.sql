-- Grid work, second half (issue 25): mediation (0077), social organisations and 公益创投 (0078), emergency mode (0079).
-- The shared files table also holds a mediation case's documents (the signed agreement's scan, evidence) and a
-- funded project's evidence (milestone reports, receipts).
alter table grid_files drop constraint grid_files_subject_type_check;
alter table grid_files add constraint grid_files_subject_type_check
  check (subject_type in ('event', 'record', 'case', 'mediation', 'project'));
