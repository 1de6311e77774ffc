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
} as const;

/** An assessment period is a quarter, e.g. 2026-Q4 (kernel/payouts `parsePeriod('quarter', …)` reads it). */
export const PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;
export const NAME_MAX = 100;
export const NOTE_MAX = 1000;
