import type { Module } from '../../kernel/module.ts';
import { noticeRoutes } from './notices.routes.ts';
import { noticesPublicPages } from './notices.public.ts';
import { seedNoticesDemo } from './notices.seed.ts';
import { noticesFigures } from './notices.figures.ts';
import { noticesHomeSection } from './use-cases/home-section.ts';
import { noticesStaffHome } from './use-cases/staff-home.ts';
import { announceJob, NOTICE_NOTIFICATIONS } from './use-cases/announce-notice.ts';

/** Notices (公告): published to a place, read by its residents, with read receipts and a printable PDF. */
export const noticesModule: Module = {
  name: 'notices',
  residentHome: noticesHomeSection,
  staffHome: noticesStaffHome,
  routes: noticeRoutes,
  notifications: { templates: NOTICE_NOTIFICATIONS },
  jobs: [announceJob],
  demo: { seed: seedNoticesDemo },
  figures: noticesFigures,
  publicPages: noticesPublicPages,
};

export { NoticesPolicy } from './notices.policy.ts';
export { myUnreadCount } from './use-cases/resident-notices.ts';
export type { NoticesTables } from './notices.tables.ts';
