import type { Ctx } from '../../../kernel/context.ts';
import { type FigurePlaceKind, figures, keptFor, periodEnd, periodOf, periodStart } from '../../../kernel/figures/figures.ts';
import { offsetOf } from '../../../kernel/pagination.ts';
import { read } from '../dashboards.db.ts';
import { DashboardsErrors } from '../dashboards.errors.ts';
import type { RowsQuery } from '../dashboards.schemas.ts';
import { readablePlace } from './dashboard-overview.ts';

/**
 * The drill-down's last step: the records behind a figure at a place (a street or below), counted over the month
 * as the figure's own `rows` reads them — today's records, so a closed month's stocks (households, compounds) are
 * as they stand now; the snapshot keeps what the month counted. Each row says whether it is in the numerator.
 */
export async function figureRows(ctx: Ctx, q: RowsQuery) {
  const def = figures().find((f) => f.key === q.figure);
  if (!def) throw DashboardsErrors.FIGURE_NOT_FOUND();
  const place = await readablePlace(ctx, q.placeId);
  if (place.street_id === null) throw DashboardsErrors.ROWS_NEED_STREET();
  if (!keptFor(def, place)) throw DashboardsErrors.FIGURE_NOT_KEPT_HERE();
  if (!def.rows) throw DashboardsErrors.NO_ROWS();
  const now = ctx.kernel.clock.now();
  const period = q.period ?? periodOf(now);
  if (period > periodOf(now)) throw DashboardsErrors.PERIOD_FUTURE();
  const end = periodEnd(period);
  const page = await def.rows(read(ctx), {
    streetId: place.street_id,
    from: periodStart(period),
    to: end < now ? end : now,
    placeKinds: def.placeKinds,
    place: { id: place.id, path: place.path, kind: place.kind as FigurePlaceKind },
    limit: q.pageSize,
    offset: offsetOf(q),
    ...(q.only ? { only: q.only } : {}),
  });
  return { figure: def.key, place: { id: place.id, name: place.name, kind: place.kind }, period, ...page, page: q.page, pageSize: q.pageSize };
}

export type FigureRowsPage = Awaited<ReturnType<typeof figureRows>>;
