import type { RouteObject } from 'react-router';
import './i18n.ts';
import './h5/repairs-h5.css';
import { page } from '../../shared/lazy-page.ts';
import { primeFromHome } from '../../resident/home.ts';
import { repairKeys } from './api.ts';
import type { ResidentModule } from '../../resident/manifest.ts';
import { OpenRepairsSection } from './h5/OpenRepairsSection.tsx';

/** The repairs pages of the resident H5, under the 办事 tab. */
const routes: RouteObject[] = [
  { path: 'services', lazy: page(() => import('./h5/ServicesPage.tsx'), 'ServicesPage') },
  { path: 'services/repairs/new', lazy: page(() => import('./h5/ReportPage.tsx'), 'ReportPage') },
  { path: 'services/repairs/:id', lazy: page(() => import('./h5/MyOrderPage.tsx'), 'MyOrderPage') },
];

/** The home's slice (server: repairs/use-cases/home-section.ts) answers the home section's query. */
primeFromHome((home, client) => {
  if (home.openRepairs) client.setQueryData(repairKeys.mine({ pageSize: 3, open: 'true' }), home.openRepairs);
});

export const resident: ResidentModule = { name: 'repairs', order: 20, routes, homeSections: [{ order: 20, Section: OpenRepairsSection }] };
