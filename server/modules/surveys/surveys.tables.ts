import type { Generated } from 'kysely';
import type { QuestionKind, SubjectStage, SurveyAudience, SurveyAnswerPer, SurveyStatus } from './surveys.constants.ts';

/** Kysely types of the surveys module's own tables (migrations/0040_surveys.sql). */
export interface SrvSurveysTable {
  /** The street of the survey's place: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  place_id: string;
  title: string;
  description: Generated<string>;
  audience: SurveyAudience;
  answer_per: SurveyAnswerPer;
  anonymous: boolean;
  results_public: Generated<boolean>;
  opens_at: Date;
  closes_at: Date;
  status: Generated<SurveyStatus>;
  subject_type: string | null;
  subject_id: string | null;
  subject_stage: SubjectStage | null;
  responses: Generated<number>;
  published_at: Date | null;
  announced_at: Date | null;
  closed_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SrvQuestionsTable {
  street_id: string;
  survey_id: string;
  no: number;
  kind: QuestionKind;
  prompt: string;
  /** JSON array of the options' labels (single / multiple), else []. */
  options: string;
  max_choices: number | null;
  scale_min: number | null;
  scale_max: number | null;
  required: boolean;
}

export interface SrvParticipationsTable {
  street_id: string;
  survey_id: string;
  id: string;
  per_key: string;
  account_id: string;
  room_id: string | null;
  answered_at: Date;
}

export interface SrvResponsesTable {
  street_id: string;
  survey_id: string;
  id: string;
  account_id: string | null;
  room_id: string | null;
  submitted_at: Date | null;
  /** The day (Asia/Shanghai), as 'YYYY-MM-DD'. */
  submitted_on: string;
}

export interface SrvAnswersTable {
  street_id: string;
  survey_id: string;
  response_id: string;
  question_no: number;
  choices: number[] | null;
  scale: number | null;
  text: string | null;
}

export interface SurveysTables {
  srv_surveys: SrvSurveysTable;
  srv_questions: SrvQuestionsTable;
  srv_participations: SrvParticipationsTable;
  srv_responses: SrvResponsesTable;
  srv_answers: SrvAnswersTable;
}
