import type { Module } from '../../kernel/module.ts';
import { deliberationRoutes } from './deliberation.routes.ts';
import { seedDeliberationDemo } from './deliberation.seed.ts';
import { DELIBERATION_NOTIFICATIONS } from './deliberation.notifications.ts';

/** 议事协商 (Deliberation): the six-stage procedure from a complaint to the residents' verdict (DOMAIN.md §3). */
export const deliberationModule: Module = {
  name: 'deliberation',
  routes: deliberationRoutes,
  notifications: { templates: DELIBERATION_NOTIFICATIONS },
  demo: { seed: seedDeliberationDemo },
};

export { DeliberationPolicy } from './deliberation.policy.ts';
export type { DeliberationTables } from './deliberation.tables.ts';
