/** The surveys module's vocabulary, free of dependencies: the web reads it through contract.ts. */

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. An owners'
 * committee member's grant is at its compound, so it manages the surveys of that compound only.
 */
export const SURVEYS_ROLES = {
  manage: [
    'platform_admin',
    'street_official',
    'community_secretary',
    'committee_staff',
    'property_committee_member',
    'owners_committee_member',
  ],
  readResults: [
    'platform_admin',
    'street_official',
    'community_secretary',
    'committee_staff',
    'property_committee_member',
    'owners_committee_member',
    'grid_worker',
  ],
} as const;

export const SURVEY_AUDIENCES = ['residents', 'owners'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];
export const SURVEY_ANSWER_PER = ['account', 'household'] as const;
export type SurveyAnswerPer = (typeof SURVEY_ANSWER_PER)[number];
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const SUBJECT_STAGES = ['collect', 'evaluate'] as const;
export type SubjectStage = (typeof SUBJECT_STAGES)[number];
/** The place kinds a survey may target: it reaches the households under them. */
export const SURVEY_PLACE_KINDS = ['street', 'community', 'grid', 'compound'] as const;

export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 2000;
export const PROMPT_MAX = 300;
export const OPTION_MAX = 100;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 20;
export const QUESTIONS_MAX = 50;
export const TEXT_ANSWER_MAX = 1000;
export const SCALE_LIMIT = { min: 0, max: 10 } as const;

/** A share in tenths of a percent from integer parts, rounded half up: 1 of 3 → 333 (33.3 %). */
export const shareTenths = (part: number, whole: number): number => (whole === 0 ? 0 : Math.floor((part * 2000 + whole) / (2 * whole)));
/** 333 → '33.3%' */
export const formatShare = (tenths: number): string => `${Math.floor(tenths / 10)}.${tenths % 10}%`;
