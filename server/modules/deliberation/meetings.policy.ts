import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { MEETING_ROLES } from './meetings.constants.ts';

/**
 * Who may do what with joint meetings. `manage`: convene, change, run and close a meeting, and keep schedules (an
 * owners' committee member's grant is on their compound, so they convene there only); `read`: those and the grid
 * worker and the property company's manager, who sit at the meetings as an invited body. Residents see only the
 * public page, and an invited attendee their own notice and the sign-in (use-cases/my-meetings.ts, sign-in-meeting.ts).
 */
export const MeetingsPolicy = {
  manage: MEETING_ROLES.manage,
  read: MEETING_ROLES.read,
} satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(MeetingsPolicy);
