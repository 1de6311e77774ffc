import type { RouteObject } from 'react-router';
import './i18n.ts';
import './h5/repairs-h5.css';
import { page } from '../../shared/lazy-page.ts';

/** The repairs pages of the resident H5, under the 办事 tab. */
export const repairResidentRoutes: RouteObject[] = [
  { path: 'services', lazy: page(() => import('./h5/ServicesPage.tsx'), 'ServicesPage') },
  { path: 'services/repairs/new', lazy: page(() => import('./h5/ReportPage.tsx'), 'ReportPage') },
  { path: 'services/repairs/:id', lazy: page(() => import('./h5/MyOrderPage.tsx'), 'MyOrderPage') },
];
