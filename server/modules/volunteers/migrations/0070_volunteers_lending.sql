-- 工具图书 (tool sharing and book lending), issue 23 §4, the lending part of the volunteers module: the loans of the
-- tools and books residents list on the compound's neighbour board (vol_listings of kind tool / book). A neighbour
-- asks to borrow; the owner lends (the item is then lent to that one borrower, due after the listing's loan_days) or
-- declines; the borrower may cancel a request; the owner confirms the return. A daily job reminds the borrower of a
-- loan past due, at most once a day (reminded_on). Every row carries its street, which leads every key.
create table vol_loans (
  street_id uuid not null,
  id uuid not null,
  listing_id uuid not null,
  place_id uuid not null, -- the listing's compound: scopes the workbench
  owner_person_id uuid not null,
  borrower_person_id uuid not null,
  borrower_name text not null,
  borrower_account_id uuid references accounts (id),
  note text not null default '' check (length(note) <= 200),
  status text not null default 'requested' check (status in ('requested', 'declined', 'cancelled', 'lent', 'returned')),
  requested_at timestamptz not null,
  decided_at timestamptz, -- lent, declined or cancelled
  decline_reason text check (length(decline_reason) <= 200),
  lent_on date, -- the Asia/Shanghai day the owner lent it
  due_on date, -- lent_on + the listing's loan_days: overdue from the day after
  returned_at timestamptz,
  reminded_on date, -- the last day the borrower was reminded of the overdue loan
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, listing_id) references vol_listings (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check ((status in ('lent', 'returned')) = (lent_on is not null and due_on is not null)),
  check ((status = 'returned') = (returned_at is not null)),
  check (due_on is null or due_on > lent_on)
);
create index vol_loans_id on vol_loans (id);
-- One open request or loan per borrower and item; one loan out per item at a time.
create unique index vol_loans_open_per_borrower on vol_loans (street_id, listing_id, borrower_person_id) where status in ('requested', 'lent');
create unique index vol_loans_one_out on vol_loans (street_id, listing_id) where status = 'lent';
create index vol_loans_place on vol_loans (street_id, place_id, status, due_on);
create index vol_loans_borrower on vol_loans (street_id, borrower_person_id, status);
create index vol_loans_overdue on vol_loans (due_on) where status = 'lent';
comment on table vol_loans is 'distribution: street';
