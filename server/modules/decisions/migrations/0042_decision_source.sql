-- A decision drafted by another module's procedure: a deliberation item referred to the owners' vote at a
-- joint meeting (issue 17 §1.3). The decision shows where it came from; the other module asks for its outcome.
alter table dec_decisions add column source_module text check (source_module in ('deliberation'));
alter table dec_decisions add column source_id uuid;
alter table dec_decisions add column source_label text;
alter table dec_decisions add constraint dec_decisions_source check ((source_module is null) = (source_id is null));
create index dec_decisions_source on dec_decisions (source_id) where source_id is not null;
