-- Opinions and complaints (意见征集 / 投诉 / 大家来吐槽). A resident posts publicly (the whole compound
-- reads it and neighbours add "me too") or privately (only the addressee reads it). The addressee
-- answers, the poster rates the answer, officials hide a public post with a reason or promote an
-- opinion into the deliberation procedure (议题收集, DOMAIN.md §3).

create table op_opinions (
  id uuid primary key,
  -- The compound the opinion is about; a resident posts to a compound they live in.
  place_id uuid not null references places(id),
  -- The poster's room at the time of posting (for staff: who, where).
  room_id uuid not null references places(id),
  -- Registry person of the poster (no foreign key across modules) and their account.
  author_person_id uuid not null,
  author_account_id uuid not null references accounts(id),
  author_name text not null,
  visibility text not null check (visibility in ('public', 'private')),
  addressee text not null check (addressee in ('property_company', 'residents_committee', 'owners_committee')),
  -- The addressed organisation as it was when posting (registry id and name, for display).
  addressee_org_id uuid,
  addressee_name text,
  kind text not null check (kind in ('suggestion', 'complaint')),
  title text not null check (length(trim(title)) between 1 and 100),
  body text not null check (length(trim(body)) between 1 and 2000),
  status text not null default 'open' check (status in ('open', 'answered', 'promoted')),
  -- Staff actors (answered_by, hidden_by, promoted_by) are accounts or the system: no foreign key.
  answer text check (answer is null or length(trim(answer)) between 1 and 2000),
  answered_at timestamptz,
  answered_by uuid,
  answered_by_name text,
  rating smallint check (rating between 1 and 5),
  rating_comment text check (rating_comment is null or length(rating_comment) <= 300),
  rated_at timestamptz,
  hidden_at timestamptz,
  hidden_by uuid,
  hidden_by_name text,
  hidden_reason text check (hidden_reason is null or length(trim(hidden_reason)) between 1 and 300),
  promoted_at timestamptz,
  promoted_by uuid,
  promoted_by_name text,
  promotion_note text check (promotion_note is null or length(promotion_note) <= 300),
  -- Set by the deliberation module when it takes the opinion up as an issue (its own id or code).
  deliberation_ref text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((answer is null) = (answered_at is null)),
  check (rating is null or answered_at is not null),
  check ((hidden_at is null) = (hidden_reason is null)),
  check (hidden_at is null or visibility = 'public'),
  check ((status = 'promoted') = (promoted_at is not null))
);
create index op_opinions_place on op_opinions (place_id, created_at desc);
create index op_opinions_author on op_opinions (author_person_id, created_at desc);
create index op_opinions_promoted on op_opinions (promoted_at) where status = 'promoted';

-- "Me too" (我也遇到): once per resident (person) and opinion.
create table op_me_too (
  opinion_id uuid not null references op_opinions(id),
  person_id uuid not null,
  account_id uuid not null references accounts(id),
  created_at timestamptz not null,
  primary key (opinion_id, person_id)
);
