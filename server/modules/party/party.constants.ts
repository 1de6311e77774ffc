/** The party module's vocabulary, free of dependencies: the web reads it through contract.ts. */

const COMMUNITY = ['community_secretary', 'committee_staff'] as const;

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. A workplace organisation's
 * liaison (`workplace_party_contact`, granted at the street) reaches only its own organisation's records: the use
 * cases narrow its rows to the organisations in which its person holds a current position (use-cases/workplace-orgs-of.ts).
 * Residents hold no grant: a member sees their own record, reports, claims and service on the H5.
 */
export const PARTY_ROLES = {
  // members part: records, the organisation tree and coverage.
  /** Read member records (a workplace liaison: its own organisation's employed members). */
  membersRead: ['platform_admin', 'street_official', ...COMMUNITY, 'workplace_party_contact'],
  /** Add, edit and end member records; link a branch to the organisation it is set up in. */
  membersManage: ['street_official', 'community_secretary'],
  /** Read the party organisation tree with its members and the coverage figures. */
  treeRead: ['platform_admin', 'street_official', 'property_committee_member', ...COMMUNITY],
  // reporting part: 双报到, projects, posts, claims, service records.
  /** Read reports, projects, posts, claims and service records (a liaison: its own organisation's). */
  reportingRead: ['platform_admin', 'street_official', ...COMMUNITY, 'workplace_party_contact'],
  /** Report a workplace organisation to a community and claim a project for it: the organisation's liaison. */
  reportingSubmit: ['workplace_party_contact'],
  /** Confirm or reject a report (either side), list projects and posts, record a member's service: the community. */
  reportingManage: [...COMMUNITY],
  // letters part: the annual service letter and 函告.
  /** Read letters (a liaison: those to its own organisation). */
  lettersRead: ['platform_admin', 'street_official', ...COMMUNITY, 'workplace_party_contact'],
  /** Draft and send annual letters, ask to send a 函告. */
  lettersWrite: [...COMMUNITY],
  /** Approve a 函告 (a second account): the community party organisation. */
  lettersApprove: ['community_secretary'],
  // stations part: 红色驿站.
  /** Read stations and their duty rosters. */
  stationsRead: ['platform_admin', 'street_official', 'property_committee_member', ...COMMUNITY, 'grid_worker', 'building_leader'],
  /** Add and edit stations, their services and duty rosters. */
  stationsManage: [...COMMUNITY],
  // activities part: 主题党日, learning sessions.
  /** Read activities and their attendance. */
  activitiesRead: ['platform_admin', 'street_official', ...COMMUNITY],
  /** Schedule an activity, notify its members, open its sign-in code, record attendance. */
  activitiesManage: [...COMMUNITY],
} as const;

export const MEMBERSHIPS = ['local', 'employed'] as const;
export const REPORT_STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
export const LETTER_KINDS = ['annual', 'admonition'] as const;
export const LETTER_STATUSES = ['draft', 'pending_approval', 'sent', 'rejected'] as const;
export const NAME_MAX = 100;
export const NOTE_MAX = 500;
