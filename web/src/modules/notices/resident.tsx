import type { RouteObject } from 'react-router';
import './i18n.ts';
import { NoticeDetailH5Page } from './h5/NoticeDetailH5Page.tsx';
import { NoticesH5Page } from './h5/NoticesH5Page.tsx';

/** The notices pages of the resident H5 (/h5/notices/:id is where the printed QR code leads). */
export const noticeResidentRoutes: RouteObject[] = [
  { path: 'notices', element: <NoticesH5Page /> },
  { path: 'notices/:id', element: <NoticeDetailH5Page /> },
];
