-- Decisions 4/4: besides a general decision of the owners, an owners' committee election (its items are the
-- vetted candidates) and an elevator retrofit in one stairwell (its items carry the cost shares). A run-off or
-- a by-election points at the election it completes.
alter table dec_decisions add column kind text not null default 'general' check (kind in ('general', 'election', 'elevator'));
alter table dec_decisions add column parent_id uuid;
alter table dec_decisions add constraint dec_decisions_parent foreign key (street_id, parent_id) references dec_decisions (street_id, id);
create index dec_decisions_kind on dec_decisions (street_id, compound_id, kind);
