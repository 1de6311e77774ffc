import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { BuildReportBody, OverviewQuery, ReportIdParams, ReportsQuery, RowsQuery } from './dashboards.schemas.ts';
import { dashboardOverview } from './use-cases/dashboard-overview.ts';
import { figureRows } from './use-cases/figure-rows.ts';
import { exportReportPdf, exportReportXlsx } from './use-cases/report-files.ts';
import { getReport, listReports } from './use-cases/report-read.ts';
import { buildReportOnDemand } from './use-cases/report-store.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const disposition = (kind: 'attachment' | 'inline', name: string, ascii: string) => `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

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

  // ——— the monthly dispatch report (月度调度通报) ———
  app.get(
    '/api/dashboards/reports',
    { schema: { tags, summary: "A place's kept monthly dispatch reports, month by month", querystring: ReportsQuery } },
    async (req) => listReports(ctx(req), req.query),
  );
  app.post(
    '/api/dashboards/reports',
    { schema: { tags, summary: "Build and keep a place's dispatch report on demand: last month by default, or the current month counted to now", body: BuildReportBody } },
    async (req) => buildReportOnDemand(ctx(req), req.body),
  );
  app.get(
    '/api/dashboards/reports/:id',
    { schema: { tags, summary: 'A kept dispatch report: its figures and their change, the lagging places, the open and overdue work', params: ReportIdParams } },
    async (req) => getReport(ctx(req), req.params.id),
  );
  app.get(
    '/api/dashboards/reports/:id/report.xlsx',
    { schema: { tags, summary: 'A kept dispatch report as a workbook, a sheet per topic', params: ReportIdParams } },
    async (req, reply) => {
      const file = await exportReportXlsx(ctx(req), req.params.id);
      return reply.header('content-type', XLSX).header('content-disposition', disposition('attachment', file.fileName, 'report.xlsx')).send(file.content);
    },
  );
  app.get(
    '/api/dashboards/reports/:id/report.pdf',
    { schema: { tags, summary: 'A kept dispatch report printed (A4 landscape), with a QR code to its live page', params: ReportIdParams } },
    async (req, reply) => {
      const base = kernel.config.publicUrl ?? `${req.protocol}://${req.host}`;
      const file = await exportReportPdf(ctx(req), req.params.id, (id) => `${base}/dashboards/reports/${id}`);
      return reply.header('content-type', 'application/pdf').header('content-disposition', disposition('inline', file.fileName, 'report.pdf')).send(file.content);
    },
  );
}
