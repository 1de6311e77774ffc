import type { Module } from '../../kernel/module.ts';
import { surveysPersonalData } from './surveys.personal-data.ts';
import { surveysRoutes } from './surveys.routes.ts';
import { seedSurveysDemo } from './surveys.seed.ts';
import { announceJob, SURVEY_NOTIFICATIONS } from './use-cases/publish-survey.ts';
import { surveysHomeSection } from './use-cases/resident-surveys.ts';
import { surveysStaffHome } from './use-cases/staff-home.ts';

/** 问卷调查 (Surveys): questionnaires to the residents (or owners) of a place; results, charts and xlsx. */
export const surveysModule: Module = {
  name: 'surveys',
  personalData: surveysPersonalData,
  routes: surveysRoutes,
  residentHome: surveysHomeSection,
  staffHome: surveysStaffHome,
  jobs: [announceJob],
  notifications: { templates: SURVEY_NOTIFICATIONS },
  demo: { seed: seedSurveysDemo },
};

export { SurveysPolicy } from './surveys.policy.ts';
/**
 * For the deliberation module (DOMAIN.md §3: a survey gathers opinion at stage 1 or evaluates at stage 6):
 * it drafts a survey attached to an item with `createSurvey` (subjectType / subjectId / subjectStage) and
 * lists an item's surveys with `surveysForSubject`.
 */
export { createSurvey, type CreateSurveyInput } from './use-cases/create-survey.ts';
export { surveysForSubject } from './use-cases/surveys-for-subject.ts';
export type { SurveysTables } from './surveys.tables.ts';
