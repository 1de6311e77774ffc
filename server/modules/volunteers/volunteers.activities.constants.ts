/** The activities part's vocabulary: statuses, the rotating code's window, the bounds of a form. */
export const ACTIVITY_STATUSES = ['published', 'cancelled', 'finished'] as const;
export const CHECK_MODES = ['in', 'out'] as const;
/** A sign-in/out code lasts one window; the server also accepts the window before (network delay), nothing older. */
export const CODE_WINDOW_MS = 30_000;
export const CAPACITY_MAX = 1000;
export const POINTS_PER_HOUR_MAX = 100;
