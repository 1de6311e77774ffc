import { z } from 'zod';
import { PERIOD } from '../../kernel/figures/figures.ts';
import { PageQuery } from '../../kernel/pagination.ts';
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
