/** The deliberation module's vocabulary, free of dependencies: the web reads it through contract.ts. */

/**
 * Where an item stands in the six-stage procedure (DOMAIN.md §3). `awaiting_vote` is stage 3 waiting for the
 * owners; `executing` carries stages 4 and 5 together (tasks under way while their progress is public and
 * overdue work is flagged); the last four are ends.
 */
export const ITEM_STAGES = ['collecting', 'agenda', 'consulting', 'awaiting_vote', 'executing', 'evaluating', 'closed', 'escalated', 'rejected', 'merged'] as const;
export type ItemStage = (typeof ITEM_STAGES)[number];
/** The stage number(s) of the procedure a stage belongs to, for the stepper (1–6). */
export const STAGE_STEP: Record<ItemStage, number> = {
  collecting: 1,
  agenda: 2,
  consulting: 3,
  awaiting_vote: 3,
  executing: 4,
  evaluating: 6,
  closed: 6,
  escalated: 6,
  rejected: 2,
  merged: 2,
};
/** Stages an item no longer moves on from (by the procedure; a street may still act on an escalated one). */
export const FINAL_STAGES: readonly ItemStage[] = ['closed', 'rejected', 'merged'];

export const SOURCE_KINDS = ['opinion', 'grid_report', 'meeting', 'official', 'joint_proposal'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. Residents act on
 * items through their households (support, rate), never through a grant.
 */
export const DELIBERATION_ROLES = {
  /** See items, their timeline, tasks and internal notes. The property company is one of the six bodies. */
  read: [
    'platform_admin',
    'street_official',
    'property_committee_member',
    'community_secretary',
    'committee_staff',
    'grid_worker',
    'building_leader',
    'owners_committee_member',
    'property_manager',
  ],
  /** Enter an item (an official's own, a grid worker's report, a meeting's) or take up a promoted opinion. */
  propose: ['street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'grid_worker', 'owners_committee_member'],
  /** Stage 2: accept, merge or reject — the community party organisation or the 物委会 (issue 17 §1.2). */
  setAgenda: ['community_secretary', 'property_committee_member'],
  /** Stage 3: record a meeting's outcome for an item (the meeting's managers). */
  consult: ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'owners_committee_member'],
  /** Stage 4: turn the decision into tasks, change them. */
  plan: ['street_official', 'property_committee_member', 'community_secretary', 'committee_staff'],
  /** Stage 4: report a task's progress (with photos) — the bodies that carry tasks out. */
  report: ['community_secretary', 'committee_staff', 'owners_committee_member', 'property_manager', 'property_staff', 'grid_worker', 'building_leader'],
  /** Stage 5: supervision notes — the 物委会, the party organisation and the street. */
  supervise: ['street_official', 'property_committee_member', 'community_secretary'],
  /** The procedure's thresholds for a place and below. */
  configure: ['street_official', 'community_secretary'],
  /** Items escalated after too many poor verdicts, and overdue tasks, reach these at the street. */
  escalation: ['street_official'],
} as const;
export type DeliberationPermission = keyof typeof DELIBERATION_ROLES;

/** The procedure's thresholds when no place above an item sets its own (dlb_settings). */
export const DEFAULT_SETTINGS = {
  supportThreshold: 10,
  ratingDays: 14,
  minRatings: 5,
  /** 3.00 */
  reopenBelowCenti: 300,
  poorSharePercent: 30,
  poorScoreMax: 2,
  maxReopens: 2,
} as const;
export type DeliberationSettings = { [K in keyof typeof DEFAULT_SETTINGS]: number };

export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 4000;
export const REASON_MAX = 500;
