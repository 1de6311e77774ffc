import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { OverviewQuery, RowsQuery } from './dashboards.schemas.ts';
import { dashboardOverview } from './use-cases/dashboard-overview.ts';
import { figureRows } from './use-cases/figure-rows.ts';

/** Thin routes: validate (zod) → use case (authorizes, reads or writes, audits) → JSON. */
export function dashboardsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['dashboards'];
  app.get(
    '/api/dashboards/overview',
    { schema: { tags, summary: "A place's dashboard: every figure this month, last month and a year ago (snapshots), and the places one level down", querystring: OverviewQuery } },
    async (req) => dashboardOverview(ctx(req), req.query),
  );
  app.get(
    '/api/dashboards/rows',
    { schema: { tags, summary: 'The records behind a figure at a place (a street or below), a page, each marked in the numerator or not', querystring: RowsQuery } },
    async (req) => figureRows(ctx(req), req.query),
  );
}
