import type { Module } from '../../kernel/module.ts';
import { surveysRoutes } from './surveys.routes.ts';
import { seedSurveysDemo } from './surveys.seed.ts';

/** 问卷调查 (Surveys). */
export const surveysModule: Module = {
  name: 'surveys',
  routes: surveysRoutes,
  demo: { seed: seedSurveysDemo },
};

export { SurveysPolicy } from './surveys.policy.ts';
export type { SurveysTables } from './surveys.tables.ts';
