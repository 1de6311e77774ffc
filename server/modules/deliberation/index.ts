import type { Module } from '../../kernel/module.ts';
import { deliberationRoutes } from './deliberation.routes.ts';
import { seedDeliberationDemo } from './deliberation.seed.ts';
import { DELIBERATION_NOTIFICATIONS } from './deliberation.notifications.ts';
import { deliberationPersonalData } from './deliberation.personal-data.ts';
import { EXECUTION_NOTIFICATIONS } from './execution.notifications.ts';
import { executionPublicPages } from './execution.public.ts';
import { executionJobs } from './execution.jobs.ts';
import { deliberationHomeSection } from './use-cases/home-section.ts';
import { settleVotesJob } from './use-cases/settle-votes.ts';
import { deliberationStaffHome } from './use-cases/staff-home.ts';
import { MEETINGS_NOTIFICATIONS } from './meetings.notifications.ts';
import { meetingsPublicPages } from './meetings.public.ts';
import { meetingScheduleJob } from './use-cases/generate-scheduled-meetings.ts';

/** 议事协商 (Deliberation): the six-stage procedure from a complaint to the residents' verdict (DOMAIN.md §3). */
export const deliberationModule: Module = {
  name: 'deliberation',
  routes: deliberationRoutes,
  notifications: { templates: [...DELIBERATION_NOTIFICATIONS, ...EXECUTION_NOTIFICATIONS, ...MEETINGS_NOTIFICATIONS] },
  demo: { seed: seedDeliberationDemo },
  jobs: [settleVotesJob, ...executionJobs, meetingScheduleJob],
  publicPages: [...executionPublicPages, ...meetingsPublicPages],
  staffHome: deliberationStaffHome,
  residentHome: deliberationHomeSection,
  personalData: deliberationPersonalData,
};

export { DeliberationPolicy } from './deliberation.policy.ts';
export type { DeliberationTables } from './deliberation.tables.ts';
export { recordConsultationOutcome, type ConsultationOutcome } from './use-cases/record-outcome.ts';
export { settleVotes } from './use-cases/settle-votes.ts';
/** Per compound: the residents' stage-6 ratings given in a window (the supervision module's assessments). */
export { verdictsFor, type VerdictsRow } from './use-cases/verdicts-for.ts';
