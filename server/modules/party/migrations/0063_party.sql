-- 党建引领 (Party building), issue 22: party members as records, 双报到 (workplace organisations and employed members
-- reporting to a community), the community's service projects and their posts, claims, service records, and the
-- letters the community sends to workplace organisations (the annual service letter and 函告). Every row carries its
-- street, which leads every key (docs/adr/0003-street-keys.md). Registry records (persons, organisations, places) are
-- referenced by id only, with the names a list needs copied here: a module keeps to its own tables.

-- A party member: a registry person, organised in a branch of this street (local) or in a workplace organisation
-- elsewhere (在职党员, membership 'employed'). `place_id` is where the member is organised or lives (a community or
-- below), which scopes who may see the record. The badge shows only when the member opted in (`badge_public`).
create table pty_members (
  street_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  person_name text not null,
  place_id uuid not null,
  membership text not null check (membership in ('local', 'employed')),
  branch_id uuid, -- a party organisation of the street (local members)
  workplace_org_id uuid, -- a workplace party organisation (employed members)
  joined_on date not null,
  badge_public boolean not null default false,
  badge_changed_at timestamptz,
  status text not null default 'active' check (status in ('active', 'left')),
  left_on date,
  note text not null default '' check (length(note) <= 500),
  created_by uuid references accounts (id), -- null: the system (the demo)
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, person_id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check ((membership = 'local') = (branch_id is not null)),
  check ((membership = 'employed') = (workplace_org_id is not null)),
  check ((status = 'left') = (left_on is not null))
);
create index pty_members_id on pty_members (id);
create index pty_members_place on pty_members (street_id, place_id);
create index pty_members_workplace on pty_members (street_id, workplace_org_id) where workplace_org_id is not null;
comment on table pty_members is 'distribution: street';

-- A party branch set up inside another organisation (a property company's own branch, 企业党支部): coverage counts a
-- company with one, or with an instructor (党建指导员, a registry position in the company).
create table pty_branch_hosts (
  street_id uuid not null,
  branch_id uuid not null,
  host_org_id uuid not null,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  primary key (street_id, branch_id)
);
create index pty_branch_hosts_host on pty_branch_hosts (street_id, host_org_id);
comment on table pty_branch_hosts is 'distribution: street';

-- 双报到, an organisation's side: a workplace party organisation reports to a community. It counts once the community
-- confirms it. At most one report per organisation and community that is pending or confirmed.
create table pty_org_reports (
  street_id uuid not null,
  id uuid not null,
  organisation_id uuid not null,
  organisation_name text not null,
  community_id uuid not null,
  status text not null check (status in ('pending', 'confirmed', 'rejected', 'withdrawn')),
  contact_name text not null check (length(contact_name) between 1 and 50),
  contact_phone text not null check (length(contact_phone) between 5 and 20),
  note text not null default '' check (length(note) <= 500),
  reported_by uuid references accounts (id),
  reported_at timestamptz not null default now(),
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  decision_note text,
  primary key (street_id, id),
  foreign key (street_id, community_id) references street_places (street_id, id),
  check ((status in ('confirmed', 'rejected')) = (decided_at is not null))
);
create unique index pty_org_reports_live on pty_org_reports (street_id, organisation_id, community_id) where status in ('pending', 'confirmed');
create index pty_org_reports_community on pty_org_reports (street_id, community_id, status);
comment on table pty_org_reports is 'distribution: street';

-- 双报到, a member's side: an employed member reports to the community where they live. Counts once confirmed.
create table pty_member_reports (
  street_id uuid not null,
  id uuid not null,
  member_id uuid not null,
  community_id uuid not null,
  status text not null check (status in ('pending', 'confirmed', 'rejected', 'withdrawn')),
  skills text not null default '' check (length(skills) <= 200), -- what the member offers (特长)
  note text not null default '' check (length(note) <= 500),
  reported_by uuid references accounts (id),
  reported_at timestamptz not null default now(),
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  decision_note text,
  primary key (street_id, id),
  foreign key (street_id, member_id) references pty_members (street_id, id),
  foreign key (street_id, community_id) references street_places (street_id, id),
  check ((status in ('confirmed', 'rejected')) = (decided_at is not null))
);
create unique index pty_member_reports_live on pty_member_reports (street_id, member_id) where status in ('pending', 'confirmed');
create index pty_member_reports_community on pty_member_reports (street_id, community_id, status);
comment on table pty_member_reports is 'distribution: street';

-- A service project the community lists (a standing activity with posts: 楼道清洁, 助老陪伴 …); `kind` leaves room
-- for 公益创投 projects once that module exists. `place_id` is the community or a compound in it.
create table pty_projects (
  street_id uuid not null,
  id uuid not null,
  community_id uuid not null,
  place_id uuid not null,
  kind text not null default 'standing' check (kind in ('standing')),
  title text not null check (length(title) between 1 and 100),
  description text not null default '' check (length(description) <= 2000),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, community_id) references street_places (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id)
);
create index pty_projects_community on pty_projects (street_id, community_id, status);
comment on table pty_projects is 'distribution: street';

-- A post of a project (a role a member takes: 周六楼道清洁岗, 独居老人结对): how many members it wants, and the points
-- one hour of service on it earns.
create table pty_posts (
  street_id uuid not null,
  id uuid not null,
  project_id uuid not null,
  title text not null check (length(title) between 1 and 100),
  description text not null default '' check (length(description) <= 1000),
  slots int not null check (slots between 1 and 500),
  points_per_hour int not null default 10 check (points_per_hour between 0 and 1000),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, project_id) references pty_projects (street_id, id)
);
create index pty_posts_project on pty_posts (street_id, project_id);
comment on table pty_posts is 'distribution: street';

-- A workplace organisation claims a project for a year (认领: at least one a year each).
create table pty_org_claims (
  street_id uuid not null,
  id uuid not null,
  organisation_id uuid not null,
  project_id uuid not null,
  year int not null check (year between 2000 and 2100),
  claimed_by uuid references accounts (id),
  claimed_at timestamptz not null default now(),
  primary key (street_id, id),
  unique (street_id, organisation_id, project_id, year),
  foreign key (street_id, project_id) references pty_projects (street_id, id)
);
comment on table pty_org_claims is 'distribution: street';

-- A member claims a post (or, with no post, a whole project) for a year; withdrawn claims stay as history.
create table pty_member_claims (
  street_id uuid not null,
  id uuid not null,
  member_id uuid not null,
  project_id uuid not null,
  post_id uuid,
  year int not null check (year between 2000 and 2100),
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  claimed_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, member_id) references pty_members (street_id, id),
  foreign key (street_id, project_id) references pty_projects (street_id, id),
  foreign key (street_id, post_id) references pty_posts (street_id, id),
  check ((status = 'withdrawn') = (withdrawn_at is not null))
);
create unique index pty_member_claims_live on pty_member_claims (street_id, member_id, project_id, coalesce(post_id, project_id), year) where status = 'active';
create index pty_member_claims_member on pty_member_claims (street_id, member_id, year);
comment on table pty_member_claims is 'distribution: street';

-- A member's service, recorded by the community: on a claim's post, on a day, in minutes, with the points it earns.
-- The annual letter's totals are sums of these rows.
create table pty_services (
  street_id uuid not null,
  id uuid not null,
  member_id uuid not null,
  claim_id uuid not null,
  served_on date not null,
  minutes int not null check (minutes between 1 and 1440),
  points int not null check (points between 0 and 100000),
  note text not null default '' check (length(note) <= 500),
  recorded_by uuid references accounts (id),
  recorded_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, member_id) references pty_members (street_id, id),
  foreign key (street_id, claim_id) references pty_member_claims (street_id, id)
);
create index pty_services_member on pty_services (street_id, member_id, served_on);
comment on table pty_services is 'distribution: street';

-- A letter from a community to a workplace organisation: the annual letter with each member's service for a year
-- (its totals frozen in `body` when sent), or a 函告 about a member who obstructs a compound's lawful management,
-- which needs the community party organisation's approval (kernel approvals) before it is sent and the member told.
create table pty_letters (
  street_id uuid not null,
  id uuid not null,
  kind text not null check (kind in ('annual', 'admonition')),
  community_id uuid not null,
  organisation_id uuid not null,
  organisation_name text not null,
  year int check (year between 2000 and 2100), -- annual letters
  member_id uuid, -- 函告
  subject text not null check (length(subject) between 1 and 200),
  body jsonb not null default '{}'::jsonb,
  status text not null check (status in ('draft', 'pending_approval', 'sent', 'rejected')),
  approval_id uuid,
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (street_id, id),
  foreign key (street_id, community_id) references street_places (street_id, id),
  foreign key (street_id, member_id) references pty_members (street_id, id),
  check ((kind = 'annual') = (year is not null)),
  check ((kind = 'admonition') = (member_id is not null)),
  check ((status = 'sent') = (sent_at is not null))
);
create unique index pty_letters_annual on pty_letters (street_id, community_id, organisation_id, year) where kind = 'annual' and status <> 'rejected';
create index pty_letters_community on pty_letters (street_id, community_id, kind, status);
comment on table pty_letters is 'distribution: street';
