/**
 * What the web may know of the dashboards module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './dashboards.constants.ts';
export type { Overview } from './use-cases/dashboard-overview.ts';
export type { FigureRowsPage } from './use-cases/figure-rows.ts';
export type { DispatchFigure, DispatchReport, DispatchWatch } from './use-cases/report-build.ts';
export type { DispatchReportListItem, KeptDispatchReport } from './use-cases/report-read.ts';
export type { BuildReportBody, ReportsQuery } from './dashboards.schemas.ts';
