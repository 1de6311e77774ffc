import type { Module } from '../../kernel/module.ts';
import { decisionsPublicPages } from './decisions.public.ts';
import { DECISIONS_NOTIFICATIONS } from './decisions.notifications.ts';
import { decisionsPersonalData } from './decisions.personal-data.ts';
import { DecisionsPolicy } from './decisions.policy.ts';
import { decisionsRoutes } from './decisions.routes.ts';
import { seedDecisionsDemo } from './decisions.seed.ts';
import { CLOSE_DECISION, applyClose } from './use-cases/close-decision.ts';
import { decisionsHome } from './use-cases/my-decisions.ts';
import { OPEN_DECISION, applyOpen } from './use-cases/open-decision.ts';
import { publishHeadsJob } from './use-cases/publish-heads.ts';
import { decisionsStaffHome } from './use-cases/staff-home.ts';
import { verifyBallotChains } from './use-cases/verify-ledger.ts';

/** 业主共同决定 (Owners' decisions, Civil Code art. 278): rules of procedure, the frozen roll, online ballots, the exact tally, the published result. */
export const decisionsModule: Module = {
  name: 'decisions',
  routes: decisionsRoutes,
  approvals: [
    { kind: OPEN_DECISION, approverRoles: DecisionsPolicy.approve, apply: applyOpen },
    { kind: CLOSE_DECISION, approverRoles: DecisionsPolicy.approve, apply: applyClose },
  ],
  notifications: { templates: DECISIONS_NOTIFICATIONS },
  residentHome: decisionsHome,
  staffHome: decisionsStaffHome,
  publicPages: decisionsPublicPages,
  personalData: decisionsPersonalData,
  demo: { seed: seedDecisionsDemo },
  jobs: [publishHeadsJob],
  // The ballots' own record is their hash chain per decision (Decisions 3/4), verified with the audit log.
  auditStandIns: [{ name: 'ballot chains', routes: ['POST /api/me/decisions/:id/ballot'], verify: verifyBallotChains }],
};

export { DecisionsPolicy } from './decisions.policy.ts';
export type { DecisionsTables } from './decisions.tables.ts';
export { tally, type Tally } from './tally.ts';
/** The payment items of passing elevator retrofits, for the fees module (docs/ARCHITECTURE.md). */
export { dueCostShares, elevatorCostShares, type DueCostShare } from './cost-shares-hook.ts';
/**
 * The hook for other modules' procedures that refer a matter to the owners (issue 17: a deliberation item): a draft
 * decision in the caller's transaction, and where such decisions stand.
 */
export { draftDecisionFor, decisionOutcomes, type DecisionOutcome } from './use-cases/draft-for-module.ts';
/**
 * A compound's decisions with a published result, for a module that records what a decision allowed (the fees
 * module's open books), and its passed ones (what the maintenance-fund uses cite as their basis).
 */
export { decisionsAt, passedDecisionsAt } from './use-cases/decisions-at.ts';
