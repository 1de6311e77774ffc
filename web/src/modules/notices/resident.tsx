import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';
import { primeFromHome } from '../../resident/home.ts';
import { type MyNoticeRow, noticeKeys } from './api.ts';
import type { Page } from '../../shared/api.ts';
import type { ResidentModule } from '../../resident/manifest.ts';
import { UnreadNoticesSection } from './h5/UnreadNoticesSection.tsx';

/** The notices pages of the resident H5 (a signed-in resident's notice, with its read receipt; the printed QR code leads to the public page /h5/p/notices.notice/:id). */
const routes: RouteObject[] = [
  { path: 'notices', lazy: page(() => import('./h5/NoticesH5Page.tsx'), 'NoticesH5Page') },
  { path: 'notices/:id', lazy: page(() => import('./h5/NoticeDetailH5Page.tsx'), 'NoticeDetailH5Page') },
];

/** The home's slice (server: notices/use-cases/home-section.ts) answers the home section's two queries. */
primeFromHome((home, client) => {
  const slice = home.unreadNotices as { count: number; page: Page<MyNoticeRow> } | undefined;
  if (!slice) return;
  client.setQueryData(noticeKeys.unread(), slice.count);
  client.setQueryData(noticeKeys.mine({ page: 1, pageSize: 3, unread: 'true' }), slice.page);
});

export const resident: ResidentModule = { name: 'notices', order: 30, routes, homeSections: [{ order: 10, Section: UnreadNoticesSection }] };
