import { z } from 'zod';
import { PERIOD } from '../../kernel/figures/figures.ts';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { ROWS_PAGE_MAX } from './dashboards.constants.ts';

const Id = z.uuid();
const Period = z.string().regex(PERIOD, 'a month, YYYY-MM');

export const OverviewQuery = z.object({
  placeId: Id,
  period: Period.optional().describe('YYYY-MM (Asia/Shanghai); defaults to this month'),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export const RowsQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(ROWS_PAGE_MAX).default(20),
  figure: z.string().max(100).describe("a figure's key, e.g. repairs.on_time"),
  placeId: Id,
  period: Period.optional(),
  only: z.enum(['counted', 'uncounted']).optional().describe('only the rows in the numerator, or only those outside it'),
});
export type RowsQuery = z.infer<typeof RowsQuery>;

/** A place's kept dispatch reports, month by month. */
export const ReportsSort = sortable({ period: 'r.period', builtAt: 'r.built_at' }, { sort: 'period', order: 'desc' }, 'r.id');
export const ReportsQuery = PageQuery.extend({
  placeId: Id,
  ...ReportsSort.query,
});
export type ReportsQuery = z.infer<typeof ReportsQuery>;

export const ReportIdParams = z.object({ id: Id });

/** Build a place's dispatch report again, on demand: last month unless told (the current month counts to now). */
export const BuildReportBody = z.object({
  placeId: Id,
  period: Period.optional().describe('YYYY-MM (Asia/Shanghai); defaults to last month'),
});
export type BuildReportBody = z.infer<typeof BuildReportBody>;
