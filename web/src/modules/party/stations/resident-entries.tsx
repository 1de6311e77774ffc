import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { StationsHomeSection } from './h5/StationsHomeSection.tsx';
import './i18n.ts';

/** The stations part's H5: the home section 红色驿站 and a station's page with this week's duty roster. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [{ path: 'party/stations/:id', lazy: page(() => import('./h5/StationPage.tsx'), 'StationPage') }],
    homeSections: [{ order: 30, Section: StationsHomeSection }],
  },
];
