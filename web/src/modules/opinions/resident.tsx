import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';
import { primeFromHome } from '../../resident/home.ts';
import { type Opinion, opinionKeys } from './api.ts';
import type { Page } from '../../shared/api.ts';
import type { ResidentModule } from '../../resident/manifest.ts';
import { RecentOpinionsSection } from './h5/RecentOpinionsSection.tsx';

/** The opinions pages of the resident H5, under the 议事 tab. */
const routes: RouteObject[] = [
  { path: 'decide', lazy: page(() => import('./h5/DecidePage.tsx'), 'DecidePage') },
  { path: 'decide/new', lazy: page(() => import('./h5/PostOpinionPage.tsx'), 'PostOpinionPage') },
  { path: 'decide/opinions/:id', lazy: page(() => import('./h5/OpinionDetailPage.tsx'), 'OpinionDetailPage') },
];

/** The home's slice (server: opinions/use-cases/home-section.ts) answers the home section's query. */
primeFromHome((home, client) => {
  const page = home.compoundOpinions as Page<Opinion> | undefined;
  if (page) client.setQueryData(opinionKeys.compound({ page: 1, pageSize: 3 }), page);
});

export const resident: ResidentModule = { name: 'opinions', order: 40, routes, homeSections: [{ order: 40, Section: RecentOpinionsSection }] };
