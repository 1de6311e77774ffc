import type { Module } from '../../kernel/module.ts';
import { deliberationRoutes } from './deliberation.routes.ts';
import { seedDeliberationDemo } from './deliberation.seed.ts';

/** 议事协商 (Deliberation). */
export const deliberationModule: Module = {
  name: 'deliberation',
  routes: deliberationRoutes,
  demo: { seed: seedDeliberationDemo },
};

export { DeliberationPolicy } from './deliberation.policy.ts';
export type { DeliberationTables } from './deliberation.tables.ts';
