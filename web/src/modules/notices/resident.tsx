import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';

/** The notices pages of the resident H5 (/h5/notices/:id is where the printed QR code leads). */
export const noticeResidentRoutes: RouteObject[] = [
  { path: 'notices', lazy: page(() => import('./h5/NoticesH5Page.tsx'), 'NoticesH5Page') },
  { path: 'notices/:id', lazy: page(() => import('./h5/NoticeDetailH5Page.tsx'), 'NoticeDetailH5Page') },
];
