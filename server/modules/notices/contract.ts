/**
 * What the web may know of the notices module (scripts/check-boundaries.ts holds it): its vocabulary and
 * rules shared with the browser (runtime values, free of server dependencies), and the types of its
 * requests and answers (type-only: erased from the browser's bundle).
 */
export * from './notices.constants.ts';
export type { CreateNoticeBody, UpdateNoticeBody } from './notices.schemas.ts';
export type { getMyNotice, getNotice } from './use-cases/get-notice.ts';
export type { listMyNotices } from './use-cases/resident-notices.ts';
