import type { Module } from '../../kernel/module.ts';
import { repairsPersonalData } from './repairs.personal-data.ts';
import { repairsPublicPages } from './repairs.public.ts';
import { repairsRoutes } from './repairs.routes.ts';
import { seedRepairsDemo } from './repairs.seed.ts';
import { repairsFigures } from './repairs.figures.ts';
import { autoCloseJob } from './use-cases/close-unrated.ts';
import { escalationJob } from './use-cases/escalate-overdue.ts';
import { repairsHomeSection } from './use-cases/home-section.ts';
import { repairsStaffHome } from './use-cases/staff-home.ts';
import { REPAIR_NOTIFICATIONS } from './repairs.notifications.ts';
import { repairsWatch } from './repairs.watch.ts';

/** Repairs (报修工单): report, accept, dispatch, finish, rate; time limits, escalation, figures. */
export const repairsModule: Module = {
  name: 'repairs',
  personalData: repairsPersonalData,
  residentHome: repairsHomeSection,
  staffHome: repairsStaffHome,
  routes: repairsRoutes,
  jobs: [escalationJob, autoCloseJob],
  notifications: { templates: REPAIR_NOTIFICATIONS },
  demo: { seed: seedRepairsDemo },
  figures: repairsFigures,
  watchlist: repairsWatch,
  publicPages: repairsPublicPages,
};

export { RepairsPolicy } from './repairs.policy.ts';
export { escalateOverdue } from './use-cases/escalate-overdue.ts';
export { closeUnrated } from './use-cases/close-unrated.ts';
export type { RepairsTables } from './repairs.tables.ts';
/** Per compound and company: orders reported, answered on time, finished, overdue, rated (the supervision module's assessments). */
export { repairFiguresFor, type RepairFiguresRow } from './use-cases/repair-figures-for.ts';
