import { CalendarOutline } from 'antd-mobile-icons';
import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { ActivitiesHomeSection } from './h5/ActivitiesHomeSection.tsx';
import './i18n.ts';

/** The activities part's H5: activities to sign up for, one activity, my activities, the check-in by code, a home section. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'volunteers/activities', lazy: page(() => import('./h5/OpenActivitiesPage.tsx'), 'OpenActivitiesPage') },
      { path: 'volunteers/activities/mine', lazy: page(() => import('./h5/MyActivitiesPage.tsx'), 'MyActivitiesPage') },
      { path: 'volunteers/activities/:id', lazy: page(() => import('./h5/ActivityPage.tsx'), 'ActivityPage') },
      { path: 'volunteers/check-in', lazy: page(() => import('./h5/CheckInPage.tsx'), 'CheckInPage') },
    ],
    homeSections: [{ order: 36, Section: ActivitiesHomeSection }],
    serviceTiles: [{ order: 50, to: '/volunteers/activities', Icon: CalendarOutline, label: 'volActivities.h5.tile', hint: 'volActivities.h5.tileHint' }],
  },
];
