import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { ActivitiesHomeSection } from './h5/ActivitiesHomeSection.tsx';
import './i18n.ts';

/** The activities part's H5: a member's home section, their activities and attendance, and the sign-in by code. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'party/activities', lazy: page(() => import('./h5/MyActivitiesPage.tsx'), 'MyActivitiesPage') },
      { path: 'party/activities/sign-in', lazy: page(() => import('./h5/SignInPage.tsx'), 'SignInPage') },
    ],
    homeSections: [{ order: 31, Section: ActivitiesHomeSection }],
  },
];
