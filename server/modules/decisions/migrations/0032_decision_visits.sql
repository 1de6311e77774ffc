-- 扫楼 (canvassing): each visit to an owner who has not voted yet, by the organiser's volunteers, with its outcome.
create table dec_visits (
  street_id uuid not null,
  id uuid not null,
  decision_id uuid not null,
  entry_id uuid not null,
  outcome text not null check (outcome in ('voted_paper', 'will_vote_online', 'refused', 'away', 'wrong_contact')),
  note text not null default '' check (length(note) <= 200),
  visited_by uuid not null references accounts(id),
  visited_at timestamptz not null,
  primary key (street_id, id),
  foreign key (street_id, decision_id) references dec_decisions (street_id, id),
  foreign key (street_id, entry_id) references dec_roll_entries (street_id, id)
);
create index dec_visits_entry on dec_visits (street_id, decision_id, entry_id, visited_at desc);
comment on table dec_visits is 'distribution: street';
