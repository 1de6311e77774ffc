import type { Module } from '../../kernel/module.ts';
import { deliberationRoutes } from './deliberation.routes.ts';
import { seedDeliberationDemo } from './deliberation.seed.ts';
import { DELIBERATION_NOTIFICATIONS } from './deliberation.notifications.ts';
import { MEETINGS_NOTIFICATIONS } from './meetings.notifications.ts';
import { meetingsPublicPages } from './meetings.public.ts';
import { meetingScheduleJob } from './use-cases/generate-scheduled-meetings.ts';
import { meetingsStaffHome } from './use-cases/meetings-staff-home.ts';

/** 议事协商 (Deliberation): the six-stage procedure from a complaint to the residents' verdict (DOMAIN.md §3). */
export const deliberationModule: Module = {
  name: 'deliberation',
  routes: deliberationRoutes,
  notifications: { templates: [...DELIBERATION_NOTIFICATIONS, ...MEETINGS_NOTIFICATIONS] },
  demo: { seed: seedDeliberationDemo },
  jobs: [meetingScheduleJob],
  publicPages: [...meetingsPublicPages],
  staffHome: meetingsStaffHome,
};

export { DeliberationPolicy } from './deliberation.policy.ts';
export type { DeliberationTables } from './deliberation.tables.ts';
