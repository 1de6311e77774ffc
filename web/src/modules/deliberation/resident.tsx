import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';
import { primeFromHome } from '../../resident/home.ts';
import type { ResidentModule } from '../../resident/manifest.ts';
import { deliberationKeys, type MyItemsPage } from './api.ts';
import type { ResidentEntry } from './entries.ts';
import { residentEntries as executionEntries } from './execution/resident-entries.tsx';
import { residentEntries as meetingsEntries } from './meetings/resident-entries.tsx';
import { DeliberationSection } from './h5/DeliberationSection.tsx';
import { HomeItemsSection } from './h5/HomeItemsSection.tsx';
import { HOME_ITEMS_QUERY } from './h5/home-query.ts';

/** The items' H5 pages (paths under /h5/) and their section of the 议事 tab; the other parts add theirs. */
const itemEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'deliberation/items/:id', lazy: page(() => import('./h5/H5ItemPage.tsx'), 'H5ItemPage') },
      { path: 'deliberation/propose', lazy: page(() => import('./h5/ProposalPage.tsx'), 'ProposalPage') },
    ],
    decideSections: [{ order: 20, Section: DeliberationSection }],
    homeSections: [{ order: 40, Section: HomeItemsSection }],
  },
];

const entries: ResidentEntry[] = [...itemEntries, ...meetingsEntries, ...executionEntries];

/** The home's slice (server: deliberation/use-cases/home-section.ts) primes the same query the section could ask. */
primeFromHome((home, client) => {
  const slice = home.deliberationItems as MyItemsPage | undefined;
  if (slice) client.setQueryData(deliberationKeys.mine(HOME_ITEMS_QUERY), slice);
});

export const resident: ResidentModule = {
  name: 'deliberation',
  order: 40,
  routes: entries.flatMap((e) => e.routes ?? []),
  decideSections: entries.flatMap((e) => e.decideSections ?? []),
  homeSections: entries.flatMap((e) => e.homeSections ?? []),
};
