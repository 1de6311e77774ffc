/** The boards part's vocabulary (the web reads it through contract.ts). */

/** The kinds the boards part runs itself: carpooling and second-hand (tool and book listings are the lending part's). */
export const BOARD_KINDS = ['carpool', 'secondhand'] as const;
export const BOARD_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
/** The moderation queue's views: listings with open reports, listings residents see, hidden ones. */
export const MODERATION_STATES = ['reported', 'visible', 'hidden'] as const;
export const REPORT_STATUSES = ['open', 'hidden', 'dismissed'] as const;
export const REASON_MAX = 200;
export const MESSAGE_MAX = 200;
export const WORD_MAX = 30;
