-- Person tags with their history (issue 19 §2): a tag such as 低保 (low_income) or 特困 (extreme_hardship) is
-- certified from a date and may end; a subsidy is granted by the tag held on a bill's date, not today's. One row
-- per span a person held a tag: from `held_from` (inclusive) until `held_until` (exclusive; null while held).
-- reg_persons.tags stays the current set (what lists and filters read); every path that changes it writes the
-- spans in the same transaction (use-cases/tag-spans.ts).
create table reg_person_tag_spans (
  street_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  tag text not null check (tag in ('party_member', 'low_income', 'extreme_hardship', 'elderly', 'disabled', 'volunteer')),
  held_from date not null,
  held_until date,
  set_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  -- A person removed from the registry takes their tag history with them (it is their personal data).
  foreign key (street_id, person_id) references reg_persons (street_id, id) on delete cascade,
  check (held_until is null or held_until > held_from)
);
-- At most one open span per person and tag.
create unique index reg_person_tag_spans_open on reg_person_tag_spans (street_id, person_id, tag) where held_until is null;
create index reg_person_tag_spans_person on reg_person_tag_spans (street_id, person_id, tag, held_from);
comment on table reg_person_tag_spans is 'distribution: street';

-- The tags held today, as held since the person was registered (the registry kept no earlier date).
insert into reg_person_tag_spans (street_id, id, person_id, tag, held_from, created_at)
select p.street_id, gen_random_uuid(), p.id, t.tag, (p.created_at at time zone 'Asia/Shanghai')::date, p.created_at
from reg_persons p cross join lateral unnest(p.tags) as t(tag);
