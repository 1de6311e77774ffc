-- 问卷调查 (Surveys): a survey at a place (street, community, grid or compound) asks the residents under it
-- (or only its owners) a few questions between two instants. Every row carries its survey's street, which
-- leads every key (docs/adr/0003-street-keys.md).
create table srv_surveys (
  street_id uuid not null,
  id uuid not null,
  place_id uuid not null,
  title text not null check (length(title) between 1 and 100),
  description text not null default '' check (length(description) <= 2000),
  audience text not null check (audience in ('residents', 'owners')),
  answer_per text not null check (answer_per in ('account', 'household')),
  anonymous boolean not null,
  results_public boolean not null default false,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  -- 'open' once published; past closes_at it reads as closed without a write (the effective status).
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  -- What the survey serves (e.g. a deliberation item's stage): stored and filtered on, never interpreted here.
  subject_type text check (length(subject_type) between 1 and 60),
  subject_id uuid,
  subject_stage text check (subject_stage in ('collect', 'evaluate')),
  responses integer not null default 0 check (responses >= 0),
  published_at timestamptz,
  -- When the residents were told it is open (at publish, or by the job once opens_at comes).
  announced_at timestamptz,
  closed_at timestamptz,
  created_by uuid references accounts(id), -- null: added by the system (a seed, another module)
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (street_id, id),
  foreign key (street_id, place_id) references street_places (street_id, id),
  check (closes_at > opens_at),
  check ((subject_type is null) = (subject_id is null)),
  check (subject_stage is null or subject_id is not null)
);
create index srv_surveys_id on srv_surveys (id);
create index srv_surveys_place on srv_surveys (place_id, opens_at desc);
create index srv_surveys_subject on srv_surveys (subject_type, subject_id) where subject_id is not null;
comment on table srv_surveys is 'distribution: street';

-- A survey's questions, numbered from 1 in the order asked; rewritten as a whole while the survey is a draft.
create table srv_questions (
  street_id uuid not null,
  survey_id uuid not null,
  no integer not null check (no between 1 and 50),
  kind text not null check (kind in ('single', 'multiple', 'scale', 'text')),
  prompt text not null check (length(prompt) between 1 and 300),
  options jsonb not null default '[]'::jsonb check (jsonb_typeof(options) = 'array'),
  max_choices integer check (max_choices >= 1),
  scale_min integer,
  scale_max integer,
  required boolean not null default true,
  primary key (street_id, survey_id, no),
  foreign key (street_id, survey_id) references srv_surveys (street_id, id) on delete cascade,
  check (kind <> 'scale' or (scale_min is not null and scale_max > scale_min))
);
comment on table srv_questions is 'distribution: street';

-- Who has answered, to hold one answer per account or per household (per_key: the account's or the room's
-- id, as the survey says). Deliberately without any link to the answer itself: an anonymous survey's
-- response cannot be traced back through a shared id or timestamp.
create table srv_participations (
  street_id uuid not null,
  survey_id uuid not null,
  id uuid not null,
  per_key uuid not null,
  account_id uuid not null references accounts(id),
  room_id uuid,
  answered_at timestamptz not null,
  primary key (street_id, id),
  unique (street_id, survey_id, per_key),
  foreign key (street_id, survey_id) references srv_surveys (street_id, id)
);
create index srv_participations_account on srv_participations (account_id, survey_id);
comment on table srv_participations is 'distribution: street';

-- The answers. A named survey's response names its account and room and keeps its instant; an anonymous
-- survey's keeps neither, only the day (its id is random, not time-ordered).
create table srv_responses (
  street_id uuid not null,
  survey_id uuid not null,
  id uuid not null,
  account_id uuid references accounts(id),
  room_id uuid,
  submitted_at timestamptz,
  submitted_on date not null,
  primary key (street_id, id),
  foreign key (street_id, survey_id) references srv_surveys (street_id, id),
  check ((account_id is null) = (submitted_at is null))
);
create index srv_responses_survey on srv_responses (survey_id);
comment on table srv_responses is 'distribution: street';

-- One row per answered question: the chosen option indexes (from 0), the scale value or the text.
create table srv_answers (
  street_id uuid not null,
  survey_id uuid not null,
  response_id uuid not null,
  question_no integer not null,
  choices integer[],
  scale integer,
  text text check (length(text) <= 1000),
  primary key (street_id, response_id, question_no),
  foreign key (street_id, response_id) references srv_responses (street_id, id),
  check (num_nonnulls(choices, scale, text) = 1)
);
create index srv_answers_question on srv_answers (survey_id, question_no);
comment on table srv_answers is 'distribution: street';
