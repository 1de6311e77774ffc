import type { RouteObject } from 'react-router';
import './i18n.ts';
import './h5/repairs-h5.css';
import { MyOrderPage } from './h5/MyOrderPage.tsx';
import { ReportPage } from './h5/ReportPage.tsx';
import { ServicesPage } from './h5/ServicesPage.tsx';

/** The repairs pages of the resident H5, under the 办事 tab. */
export const repairResidentRoutes: RouteObject[] = [
  { path: 'services', element: <ServicesPage /> },
  { path: 'services/repairs/new', element: <ReportPage /> },
  { path: 'services/repairs/:id', element: <MyOrderPage /> },
];
