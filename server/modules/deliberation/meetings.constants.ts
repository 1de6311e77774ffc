/** The joint meetings' vocabulary (联席会议), free of dependencies: the web reads it through contract.ts. */

export const MEETING_KINDS = ['joint', 'three_carriages', 'red_council', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const CONVENER_KINDS = ['party_org', 'property_committee', 'owners_committee', 'residents_committee'] as const;
export type ConvenerKind = (typeof CONVENER_KINDS)[number];

/** scheduled → (signing_in, from the first sign-in) → closed | cancelled. */
export const MEETING_STATUSES = ['scheduled', 'signing_in', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
/** Statuses in which a meeting may still change (agenda, attendees, minutes, outcomes). */
export const MEETING_OPEN: readonly MeetingStatus[] = ['scheduled', 'signing_in'];

export const STANCES = ['support', 'oppose', 'abstain', 'conditional'] as const;
export type Stance = (typeof STANCES)[number];

export const OUTCOME_KINDS = ['decided', 'refer_vote', 'next_meeting'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const SIGN_IN_VIA = ['qr', 'staff'] as const;
export type SignInVia = (typeof SIGN_IN_VIA)[number];

export const SCHEDULE_FREQUENCIES = ['monthly', 'weekly'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

/** The invited body of the building leaders under the meeting's place (their posts hang on buildings, not on one organisation). */
export const BUILDING_LEADERS = 'building_leaders';

/** How far ahead the schedule job puts a recurring meeting on the calendar (and sends its notice). */
export const SCHEDULE_LEAD_DAYS = 7;

export const MEETING_TITLE_MAX = 100;
export const MEETING_LOCATION_MAX = 100;
export const MINUTES_MAX = 20_000;
export const MEETING_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const MEETING_ATTACHMENTS_MAX = 20;

/** Who may do what with meetings (meetings.policy.ts): the roles whose grant on a place allows it over its subtree. */
export const MEETING_ROLES = {
  manage: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'property_committee_member', 'owners_committee_member'],
  read: [
    'platform_admin',
    'street_official',
    'community_secretary',
    'committee_staff',
    'property_committee_member',
    'owners_committee_member',
    'grid_worker',
    'property_manager',
  ],
} as const;
