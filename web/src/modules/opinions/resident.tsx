import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';

/** The opinions pages of the resident H5, under the 议事 tab. */
export const opinionResidentRoutes: RouteObject[] = [
  { path: 'decide', lazy: page(() => import('./h5/DecidePage.tsx'), 'DecidePage') },
  { path: 'decide/new', lazy: page(() => import('./h5/PostOpinionPage.tsx'), 'PostOpinionPage') },
  { path: 'decide/opinions/:id', lazy: page(() => import('./h5/OpinionDetailPage.tsx'), 'OpinionDetailPage') },
];
