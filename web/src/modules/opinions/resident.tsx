import type { RouteObject } from 'react-router';
import './i18n.ts';
import { DecidePage } from './h5/DecidePage.tsx';
import { OpinionDetailPage } from './h5/OpinionDetailPage.tsx';
import { PostOpinionPage } from './h5/PostOpinionPage.tsx';

/** The opinions pages of the resident H5, under the 议事 tab. */
export const opinionResidentRoutes: RouteObject[] = [
  { path: 'decide', element: <DecidePage /> },
  { path: 'decide/new', element: <PostOpinionPage /> },
  { path: 'decide/opinions/:id', element: <OpinionDetailPage /> },
];
