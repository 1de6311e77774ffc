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
