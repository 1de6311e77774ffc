/** The tasks part's vocabulary (任务抢单), free of dependencies: the web reads it through contract.ts. */

/** A task's status as shown: the stored ones, and `expired` (still open, its deadline passed: computed, never stored). */
export const TASK_STATUSES = ['open', 'grabbed', 'done', 'confirmed', 'cancelled', 'expired'] as const;
export const TASK_TITLE_MAX = 60;
export const TASK_DESCRIPTION_MAX = 1000;
export const TASK_TARGET_MAX = 100;
export const TASK_POINTS_MAX = 1000;
/** Service minutes a task may credit: at most a day. */
export const TASK_MINUTES_MAX = 1440;
export const TASK_NOTE_MAX = 500;
export const TASK_REASON_MAX = 200;
