import type { Module } from '../../kernel/module.ts';
import { dashboardsRoutes } from './dashboards.routes.ts';

/**
 * 驾驶舱 (Dashboards): every figure the modules declare, per place and month, from the kernel's monthly snapshots —
 * this month against last month and last year, the rankings of the places one level down, the drill-down from the
 * street to the rows behind a figure — and the monthly dispatch report (月度调度通报) built on the first of each month.
 */
export const dashboardsModule: Module = {
  name: 'dashboards',
  routes: dashboardsRoutes,
};

export { DashboardsPolicy } from './dashboards.policy.ts';
export type { DashboardsTables } from './dashboards.tables.ts';
