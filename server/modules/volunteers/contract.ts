/**
 * What the web may know of the volunteers module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only). Each part adds its
 * types in its own block below.
 */
export * from './volunteers.constants.ts';
export type { VolunteerStatus, ListingKind, ListingStatus, LedgerSource } from './volunteers.tables.ts';
// ——— tasks part (任务抢单) ———
export * from './volunteers.tasks.constants.ts';
export type { TaskStatus, TaskEventKind } from './volunteers.tables.ts';
export type { TaskListRow } from './use-cases/tasks-list.ts';
export type { TaskView, TaskEvent } from './use-cases/tasks-get.ts';
export type { MyTasks, MyTaskRow } from './use-cases/tasks-mine.ts';
export type { TaskPlace } from './use-cases/tasks-places.ts';
// ——— end of the tasks part ———
// --- boards part ---
export * from './volunteers.boards.constants.ts';
export type { BoardRow } from './use-cases/boards-list.ts';
export type { ListingView, RequestView, ReportView, Contact } from './use-cases/boards-get.ts';
export type { ModerationRow } from './use-cases/moderation-list.ts';
export type { BannedWordRow } from './use-cases/moderation-banned-words.ts';
export type { BoardRequestStatus } from './volunteers.tables.ts';
// --- end boards part ---
// lending part: tools and books lent between neighbours.
export * from './volunteers.lending.constants.ts';
export type { LoanStatus } from './volunteers.tables.ts';
export type { CatalogueItem, Catalogue } from './use-cases/lending-catalogue.ts';
export type { LendingItemView } from './use-cases/lending-item.ts';
export type { MyLending, MyLendingItem } from './use-cases/lending-mine.ts';
export type { LoanView, TimelineStep } from './use-cases/lending-access.ts';
export type { LoanListRow } from './use-cases/lending-loans-list.ts';
// end of the lending part
// green part (认栽认养): its vocabulary and the plain types the web shows.
export * from './volunteers.green.constants.ts';
export type { GreenAdoptionStatus, GreenCareKind } from './volunteers.tables.ts';
export type { CareRecord } from './use-cases/green-care-list.ts';
export type { CompoundRate } from './use-cases/green-rates.ts';
export type { GreenCompound, MyAdoption, ResidentPlot } from './use-cases/green-resident.ts';
