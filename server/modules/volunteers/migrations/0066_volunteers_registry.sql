-- 志愿服务与邻里, registry part (issue 23 §1, §2 rewards): the community's volunteer teams with their members, and the
-- rewards a community lists for points with their redemptions. Volunteers, points and the ledger are 0065's. Every
-- row carries its street, which leads every key (docs/adr/0003-street-keys.md).

-- A team of volunteers at a community (or a compound): its leader and members are approved volunteers of its place.
create table vol_teams (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  name text not null check (length(name) between 1 and 60),
  leader_volunteer_id uuid,
  description text not null default '' check (length(description) <= 500),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, place_id, name),
  foreign key (street_id, place_id) references street_places (street_id, id),
  foreign key (street_id, leader_volunteer_id) references vol_volunteers (street_id, id)
);
create index vol_teams_id on vol_teams (id);
comment on table vol_teams is 'distribution: street';

-- A team's members (a volunteer may serve in several teams).
create table vol_team_members (
  street_id uuid not null,
  team_id uuid not null,
  volunteer_id uuid not null,
  added_by uuid references accounts (id),
  added_at timestamptz not null default now(),
  primary key (street_id, team_id, volunteer_id),
  foreign key (street_id, team_id) references vol_teams (street_id, id),
  foreign key (street_id, volunteer_id) references vol_volunteers (street_id, id)
);
comment on table vol_team_members is 'distribution: street';

-- A reward a community lists for points: its stock is decremented by a conditional update, never below zero.
create table vol_rewards (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null, -- the community (or a compound of it) that hands it out
  name text not null check (length(name) between 1 and 60),
  description text not null default '' check (length(description) <= 500),
  points integer not null check (points between 1 and 100000),
  stock integer not null check (stock >= 0),
  active boolean not null default true,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index vol_rewards_id on vol_rewards (id);
create index vol_rewards_place on vol_rewards (street_id, place_id, active);
comment on table vol_rewards is 'distribution: street';

-- A reward redeemed by a volunteer (its points debited in the same transaction, the ledger line's source), handed
-- over by the community.
create table vol_redemptions (
  street_id uuid not null,
  id uuid not null,
  reward_id uuid not null,
  reward_name text not null,
  place_id uuid not null, -- the reward's place
  person_id uuid not null,
  person_name text not null,
  points integer not null check (points > 0),
  status text not null default 'redeemed' check (status in ('redeemed', 'handed_over')),
  handed_by uuid references accounts (id),
  handed_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, reward_id) references vol_rewards (street_id, id),
  check ((status = 'handed_over') = (handed_at is not null))
);
create index vol_redemptions_id on vol_redemptions (id);
create index vol_redemptions_place on vol_redemptions (street_id, place_id, status, created_at);
create index vol_redemptions_person on vol_redemptions (street_id, person_id, created_at);
comment on table vol_redemptions is 'distribution: street';
