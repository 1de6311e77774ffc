import { StarOutline } from 'antd-mobile-icons';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import { RateHomeSection } from './h5/RateHomeSection.tsx';
import './i18n.ts';

/** The ratings part's H5 pages (评价物业), its home section (months to rate) and its tile on the 办事 tab. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'fees/ratings', lazy: page(() => import('./h5/MyRatingsPage.tsx'), 'MyRatingsPage') },
      { path: 'fees/ratings/:compoundId/:period', lazy: page(() => import('./h5/RatePage.tsx'), 'RatePage') },
    ],
    homeSections: [{ order: 13, Section: RateHomeSection }],
    serviceTiles: [{ order: 11, to: '/fees/ratings', Icon: StarOutline, label: 'feesRatings.h5.tile', hint: 'feesRatings.h5.tileHint' }],
  },
];
