import type { Module } from '../../kernel/module.ts';
import { repairsPublicPages } from './repairs.public.ts';
import { repairsRoutes } from './repairs.routes.ts';
import { seedRepairsDemo } from './repairs.seed.ts';
import { autoCloseJob } from './use-cases/close-unrated.ts';
import { escalationJob } from './use-cases/escalate-overdue.ts';
import { repairsHomeSection } from './use-cases/home-section.ts';
import { repairsStaffHome } from './use-cases/staff-home.ts';

/** Repairs (报修工单): report, accept, dispatch, finish, rate; time limits, escalation, figures. */
export const repairsModule: Module = {
  name: 'repairs',
  residentHome: repairsHomeSection,
  staffHome: repairsStaffHome,
  routes: repairsRoutes,
  jobs: [escalationJob, autoCloseJob],
  demo: { seed: seedRepairsDemo },
  publicPages: repairsPublicPages,
};

export { RepairsPolicy } from './repairs.policy.ts';
export { escalateOverdue } from './use-cases/escalate-overdue.ts';
export { closeUnrated } from './use-cases/close-unrated.ts';
export type { RepairsTables } from './repairs.tables.ts';
