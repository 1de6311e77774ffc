/**
 * What the web may know of the volunteers module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only). Each part adds its
 * types in its own block below.
 */
export * from './volunteers.constants.ts';
export type { VolunteerStatus, ListingKind, ListingStatus, LedgerSource } from './volunteers.tables.ts';

// --- boards part ---
export * from './volunteers.boards.constants.ts';
export type { BoardRow } from './use-cases/boards-list.ts';
export type { ListingView, RequestView, ReportView, Contact } from './use-cases/boards-get.ts';
export type { ModerationRow } from './use-cases/moderation-list.ts';
export type { BannedWordRow } from './use-cases/moderation-banned-words.ts';
export type { BoardRequestStatus } from './volunteers.tables.ts';
// --- end boards part ---
