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
import { decisionsStaffHome } from './use-cases/staff-home.ts';

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
};

export { DecisionsPolicy } from './decisions.policy.ts';
export type { DecisionsTables } from './decisions.tables.ts';
export { tally, type Tally } from './tally.ts';
