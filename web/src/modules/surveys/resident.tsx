import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';
import type { ResidentModule } from '../../resident/manifest.ts';
import { OpenSurveysHomeSection } from './h5/OpenSurveysHomeSection.tsx';
import { SurveysSection } from './h5/SurveysSection.tsx';

/** The resident's side of surveys on the H5: on the home (those waiting for me), under 议事 (all that ask me), and a page to answer one. */
const routes: RouteObject[] = [{ path: 'surveys/:id', lazy: page(() => import('./h5/SurveyAnswerPage.tsx'), 'SurveyAnswerPage') }];

export const resident: ResidentModule = {
  name: 'surveys',
  order: 38,
  routes,
  homeSections: [{ order: 18, Section: OpenSurveysHomeSection }],
  decideSections: [{ order: 20, Section: SurveysSection }],
};
