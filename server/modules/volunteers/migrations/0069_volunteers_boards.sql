-- 志愿服务与邻里 — the boards part (issue 23 §4): a neighbour's request on a carpool or a second-hand listing. On a
-- carpool, another resident of the compound asks for seats (offered seats) or offers to take the seeker; the owner
-- accepts or declines; seats left = seats − the accepted requests' seats. On a second-hand item, a neighbour asks for
-- it; the owner reserves it for one asker (the accepted request), then marks it given. Contacts are shown to the two
-- sides only once the owner has accepted. No payment inside the platform.
create table vol_board_requests (
  street_id uuid not null,
  id uuid not null,
  listing_id uuid not null,
  kind text not null check (kind in ('carpool', 'secondhand')),
  requester_person_id uuid not null,
  requester_name text not null,
  requester_account_id uuid references accounts (id),
  seats smallint check (seats between 1 and 6),
  message text not null default '' check (length(message) <= 200),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, listing_id, requester_person_id),
  foreign key (street_id, listing_id) references vol_listings (street_id, id),
  check ((kind = 'carpool') = (seats is not null))
);
create index vol_board_requests_id on vol_board_requests (id);
create index vol_board_requests_listing on vol_board_requests (street_id, listing_id, status);
comment on table vol_board_requests is 'distribution: street';
