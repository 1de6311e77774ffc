import type { Module } from '../../kernel/module.ts';
import { dashboardsRoutes } from './dashboards.routes.ts';
import { seedDispatchReports } from './dashboards.seed.ts';
import { monthlyReportJob } from './use-cases/report-store.ts';

/**
 * 驾驶舱 (Dashboards): every figure the modules declare, per place and month, from the kernel's monthly snapshots —
 * this month against last month and last year, the rankings of the places one level down, the drill-down from the
 * street to the rows behind a figure — and the monthly dispatch report (月度调度通报) built on the first of each month.
 */
export const dashboardsModule: Module = {
  name: 'dashboards',
  routes: dashboardsRoutes,
  // Last month's dispatch report of every street, community and region, after the month-end snapshots.
  jobs: [monthlyReportJob],
  // Runs before the figures' history is seeded (a no-op then): seed-demo.ts calls seedDispatchReports after it.
  demo: { seed: (kernel) => seedDispatchReports(kernel) },
};

export { DashboardsPolicy } from './dashboards.policy.ts';
export type { DashboardsTables } from './dashboards.tables.ts';
/** The demo's dispatch reports, built once the figures' history is in (server/demo/seed-demo.ts). */
export { seedDispatchReports } from './dashboards.seed.ts';
/** The dispatch report of a place, built as the system without keeping it (the CLI's `report`). */
export { buildDispatchReport, type DispatchReport } from './use-cases/report-build.ts';
export { buildMonthlyReports } from './use-cases/report-store.ts';
export { reportPdf, reportWorkbook } from './use-cases/report-files.ts';
export { figureLines, monthLabel, reportTitle } from './use-cases/report-rows.ts';
