import { sql } from 'kysely';
import { findPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../dashboards.db.ts';
import { DashboardsErrors } from '../dashboards.errors.ts';
import { allows } from '../dashboards.policy.ts';
import { type ReportsQuery, ReportsSort } from '../dashboards.schemas.ts';
import { readablePlace } from './dashboard-overview.ts';
import { type DispatchReport, reviveReport } from './report-build.ts';

/** How many figures a kept report lists, and the open items its watch sources counted (jsonb, in SQL). */
const figuresCount = sql<number>`jsonb_array_length(r.content -> 'figures')`;
const watchTotal = sql<number>`(select coalesce(sum((w ->> 'total')::int), 0)::int from jsonb_array_elements(r.content -> 'watch') w)`;

/**
 * A place's kept dispatch reports, month by month (newest first unless asked): each with who built it (null: the
 * monthly job, 系统任务), how many figures it lists and the open items it counted. Officials of the place only.
 */
export async function listReports(ctx: Ctx, q: ReportsQuery) {
  const place = await readablePlace(ctx, q.placeId);
  const db = read(ctx);
  const view = { id: place.id, name: place.name, kind: place.kind };
  const columns = ['r.id', 'r.period', 'r.built_at as builtAt', 'a.display_name as builtBy', figuresCount.as('figures'), watchTotal.as('watchTotal')] as const;
  // A street's place's reports, or a region's (their own table: regions hold no street); the same columns.
  const page =
    place.street_id !== null
      ? await (() => {
          const base = db.selectFrom('dash_reports as r').where('r.street_id', '=', place.street_id!).where('r.place_id', '=', place.id);
          const rows = base.leftJoin('accounts as a', 'a.id', 'r.built_by').select(columns);
          return paginate(q, ReportsSort.orderBy(rows, q).limit(q.pageSize).offset(offsetOf(q)).execute(), base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
        })()
      : await (() => {
          const base = db.selectFrom('dash_region_reports as r').where('r.region_id', '=', place.id);
          const rows = base.leftJoin('accounts as a', 'a.id', 'r.built_by').select(columns);
          return paginate(q, ReportsSort.orderBy(rows, q).limit(q.pageSize).offset(offsetOf(q)).execute(), base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
        })();
  return { ...page, items: page.items.map((r) => ({ ...r, place: view })) };
}
export type DispatchReportListItem = Awaited<ReturnType<typeof listReports>>['items'][number];

/**
 * A kept report by id, and its place — if the actor may read figures there (a region's report needs a grant on the
 * region or above); 404 otherwise, ids cannot be probed.
 */
export async function readableReport(ctx: Ctx, id: string): Promise<{ id: string; place: PlaceRow; builtAt: Date; builtBy: string | null; report: DispatchReport }> {
  const db = read(ctx);
  const row =
    (await db
      .selectFrom('dash_reports as r')
      .leftJoin('accounts as a', 'a.id', 'r.built_by')
      .select(['r.id', 'r.place_id as placeId', 'r.built_at as builtAt', 'a.display_name as builtBy', 'r.content'])
      .where('r.id', '=', id)
      .executeTakeFirst()) ??
    (await db
      .selectFrom('dash_region_reports as r')
      .leftJoin('accounts as a', 'a.id', 'r.built_by')
      .select(['r.id', 'r.region_id as placeId', 'r.built_at as builtAt', 'a.display_name as builtBy', 'r.content'])
      .where('r.id', '=', id)
      .executeTakeFirst());
  const place = row && (await findPlace(db, row.placeId));
  if (!row || !place || !allows(ctx.actor, 'read', place.path)) throw DashboardsErrors.REPORT_NOT_FOUND();
  return { id: row.id, place, builtAt: row.builtAt, builtBy: row.builtBy, report: reviveReport(row.content) };
}

/** GET /api/dashboards/reports/:id: the report as kept, with when and by whom (null: the monthly job) it was built. */
export async function getReport(ctx: Ctx, id: string) {
  const { builtAt, builtBy, report } = await readableReport(ctx, id);
  return { id, builtAt, builtBy, report };
}
export type KeptDispatchReport = Awaited<ReturnType<typeof getReport>>;
