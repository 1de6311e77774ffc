import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The activities part's H5: the member's activities and attendance, and the sign-in by code. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'party/activities', lazy: page(() => import('./h5/MyActivitiesPage.tsx'), 'MyActivitiesPage') },
      { path: 'party/activities/sign-in', lazy: page(() => import('./h5/SignInPage.tsx'), 'SignInPage') },
    ],
  },
];
