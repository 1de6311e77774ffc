import type { RouteObject } from 'react-router';
import './h5/i18n.ts';
import './h5/decisions-h5.css';
import { page } from '../../shared/lazy-page.ts';
import { primeFromHome } from '../../resident/home.ts';
import type { ResidentModule } from '../../resident/manifest.ts';
import { myDecisionKeys, type WaitingDecision } from './h5/api.ts';
import { DecideSection } from './h5/DecideSection.tsx';
import { WaitingSection } from './h5/WaitingSection.tsx';
import { MyCandidaciesSection } from './election/h5/MyCandidaciesSection.tsx';

/** The owner's side of owners' votes (业主表决) on the resident H5: under 议事, on the home, and a page per decision. */
const routes: RouteObject[] = [
  { path: 'decisions/:id', lazy: page(() => import('./h5/DecisionPage.tsx'), 'DecisionPage') },
  { path: 'decisions/:id/roll', lazy: page(() => import('./h5/RollPage.tsx'), 'RollPage') },
  { path: 'me/candidacies', lazy: page(() => import('./election/h5/MyCandidaciesPage.tsx'), 'MyCandidaciesPage') },
];

/** The home's slice (server: decisions/use-cases/my-decisions.ts, decisionsHome) answers the home section's query. */
primeFromHome((home, client) => {
  const slice = home.decisions as { waiting?: WaitingDecision[] } | undefined;
  if (slice?.waiting) client.setQueryData(myDecisionKeys.waiting(), slice.waiting);
});

export const resident: ResidentModule = {
  name: 'decisions',
  order: 35,
  routes,
  homeSections: [{ order: 15, Section: WaitingSection }],
  decideSections: [
    { order: 10, Section: DecideSection },
    { order: 11, Section: MyCandidaciesSection },
  ],
};
