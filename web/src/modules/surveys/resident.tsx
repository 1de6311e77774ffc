import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';
import type { ResidentModule } from '../../resident/manifest.ts';
import { SurveysSection } from './h5/SurveysSection.tsx';

/** The resident's side of surveys on the H5: under 议事 (the surveys that ask me), and a page to answer one. */
const routes: RouteObject[] = [{ path: 'surveys/:id', lazy: page(() => import('./h5/SurveyAnswerPage.tsx'), 'SurveyAnswerPage') }];

export const resident: ResidentModule = {
  name: 'surveys',
  order: 38,
  routes,
  decideSections: [{ order: 20, Section: SurveysSection }],
};
