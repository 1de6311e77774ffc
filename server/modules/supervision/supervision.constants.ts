/** The supervision module's vocabulary, free of dependencies: the web reads it through contract.ts. */

const OFFICIALS = ['street_official', 'property_committee_member', 'community_secretary', 'committee_staff'] as const;
const COMPANY = ['property_manager', 'property_staff'] as const;

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. Residents hold no grant:
 * they see only their compound's published colour (the assessment part's home section and public page).
 */
export const SUPERVISION_ROLES = {
  /** Read the indicator sheets: officials, assessors and the companies measured by them. */
  sheetsRead: ['platform_admin', ...OFFICIALS, 'assessor', ...COMPANY],
  /** Draft, edit and activate sheet versions (the street; a district official's grant covers its streets). */
  sheetsManage: ['platform_admin', 'street_official'],
  /** Inspect a compound on a sheet (street, community, 物委会, third-party assessor). */
  inspect: [...OFFICIALS, 'assessor'],
  /** Read inspections: the inspectors' roles and the company inspected (its compounds' grants). */
  inspectionsRead: ['platform_admin', ...OFFICIALS, 'assessor', ...COMPANY],
  /** Read assessments, their inputs and colours (a company: its own compounds). */
  assessmentRead: ['platform_admin', ...OFFICIALS, 'assessor', ...COMPANY],
  /** Set the weights and colour bands, and compute a period's assessment. */
  assessmentManage: ['platform_admin', 'street_official'],
  /** The street's evaluation of a compound's property service for a period. */
  evaluateStreet: ['street_official'],
  /** The community party organisation's evaluation. */
  evaluateParty: ['community_secretary'],
  /** Ask to publish a period's colours, and (another account) approve it. */
  publish: ['street_official'],
  /** Read rectification notices (a company: those to it at its compounds). */
  noticesRead: ['platform_admin', ...OFFICIALS, 'assessor', ...COMPANY],
  /** Issue, verify or reissue a rectification notice. */
  noticesIssue: [...OFFICIALS],
  /** Answer a notice with the fix and its evidence. */
  noticesRespond: [...COMPANY],
  // Supervision 2/2 — company credit and the red and black list (credit part).
  /** Read credit records, scores and grades (a company: its own), the lists and appeals. */
  creditRead: ['platform_admin', ...OFFICIALS, ...COMPANY],
  /** Set the credit formula and grades, add records by hand (complaints upheld, awards), publish the red and black list. */
  creditManage: ['platform_admin', 'street_official'],
  /** Review a credit repair application and decide an appeal; record the measures the street's rules list. */
  creditDecide: ['street_official'],
  /** Apply for credit repair and appeal a black-list entry: the company's manager at its compounds. */
  creditApply: ['property_manager'],
  // 有礼小区 三类五星 (stars part).
  /** Apply for a star level for a compound: the community and the owners' committee. */
  starsApply: ['committee_staff', 'community_secretary', 'owners_committee_member'],
  /** Read applications, scores and stars (an assessor: the applications assigned to them). */
  starsRead: ['platform_admin', ...OFFICIALS, 'assessor', 'owners_committee_member', ...COMPANY],
  /** Score an application on the 54-indicator sheet with evidence: the third-party assessor. */
  starsAssess: ['assessor'],
  /** Assign an assessor, confirm a star (a second official approves) and record the reward's allocation. */
  starsManage: ['street_official'],
  // 红色业委会 (committees part) and 达标补贴 (subsidy part).
  /** Rate owners' committees on the five dimensions. */
  committeesRate: ['street_official', 'community_secretary'],
  /** Read the committees' ratings and their history. */
  committeesRead: ['platform_admin', ...OFFICIALS, 'owners_committee_member'],
  /** List the compounds eligible for the service-standard subsidy and set its policy. */
  subsidyManage: ['platform_admin', 'street_official'],
  /** Read the subsidy's policy, list and lines (a company: its own compounds). */
  subsidyRead: ['platform_admin', ...OFFICIALS, ...COMPANY],
} as const;

/** An assessment period is a quarter, e.g. 2026-Q4 (kernel/payouts `parsePeriod('quarter', …)` reads it). */
export const PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;
export const NAME_MAX = 100;
export const NOTE_MAX = 1000;
