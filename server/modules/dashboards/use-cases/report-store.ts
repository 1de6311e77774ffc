import { sql } from 'kysely';
import { SYSTEM_ACTOR, isSystem, type PlaceRow } from '../../../kernel/access/index.ts';
import { type Ctx, type Kernel, audit } from '../../../kernel/context.ts';
import { figures, periodEnd, periodOf, previousPeriod, takeMonthEndSnapshots, takeSnapshot } from '../../../kernel/figures/figures.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Tx, read, write } from '../dashboards.db.ts';
import { DashboardsErrors } from '../dashboards.errors.ts';
import { authorize } from '../dashboards.policy.ts';
import { readablePlace } from './dashboard-overview.ts';
import { buildDispatchReport, type DispatchReport } from './report-build.ts';
import { getReport } from './report-read.ts';

/** The places a dispatch report is built for: regions, the street and the places figures are kept for in it. */
export const REPORT_PLACE_KINDS = ['city', 'district', 'street', 'community', 'grid', 'compound'] as const;
/** What the monthly job builds a report for, every month: every street, community and region. */
const JOB_KINDS = { street: ['street', 'community'], region: ['city', 'district'] } as const;

/** How a report came to be: the monthly job, or an official on demand. */
export type BuiltBy = 'job' | 'on-demand' | 'demo';

/** The streets a place's figures come from: its own, or every street under a city or district. */
async function streetsOf(ctx: Ctx | Tx, place: PlaceRow): Promise<string[]> {
  if (place.street_id !== null) return [place.street_id];
  const rows = await read(ctx as Ctx).selectFrom('street_places').select('id').where('kind', '=', 'street').where('path', 'like', `${place.path}%`).execute();
  return rows.map((r) => r.id);
}

/** True when one of the streets holds a snapshot of the month (the month-end job's or an official's). */
async function holdsSnapshot(ctx: Ctx, streets: string[], period: string): Promise<boolean> {
  if (!streets.length) return false;
  const row = await read(ctx).selectFrom('figure_snapshots').select('place_id').where('street_id', 'in', streets).where('period', '=', period).limit(1).executeTakeFirst();
  return !!row;
}

/**
 * Builds a place's report for a month and keeps it, replacing the month's earlier one (its id stays): a street or a
 * place in it in dash_reports, a city or district in dash_region_reports; audited as `dashboards.report.built` in the
 * same transaction. The current month is counted to now: the street's (a region's: each street's) snapshot of the
 * month is taken again first, as the dashboard then shows it; a closed month reads the snapshots as they are.
 */
export async function keepReport(ctx: Ctx, place: PlaceRow, period: string, by: BuiltBy): Promise<{ id: string; report: DispatchReport }> {
  const now = ctx.kernel.clock.now();
  const current = period === periodOf(now);
  // null: the system (the monthly job, the demo), as the kernel's snapshots record it.
  const builtBy = isSystem(ctx.actor) ? null : ctx.actor.accountId;
  return write(ctx, async (tx) => {
    let snapshotRows = 0;
    if (current) {
      for (const streetId of await streetsOf(tx, place)) {
        snapshotRows += await takeSnapshot(tx, figures(), { streetId, period, to: now, takenAt: now, takenBy: builtBy, replace: true });
      }
    }
    // Read through the transaction: the report must see the snapshot it has just taken (the current month, to now).
    const report = await buildDispatchReport(ctx, place, period, tx);
    const content = JSON.stringify(report);
    const id =
      place.street_id !== null
        ? (
            await tx
              .insertInto('dash_reports')
              .values({ street_id: place.street_id, id: newId(), place_id: place.id, period, built_at: now, built_by: builtBy, content })
              .onConflict((oc) => oc.columns(['street_id', 'place_id', 'period']).doUpdateSet({ built_at: now, built_by: builtBy, content }))
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : (
            await tx
              .insertInto('dash_region_reports')
              .values({ id: newId(), region_id: place.id, period, built_at: now, built_by: builtBy, content })
              .onConflict((oc) => oc.columns(['region_id', 'period']).doUpdateSet({ built_at: now, built_by: builtBy, content }))
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
    await audit(tx, ctx, {
      action: 'dashboards.report.built',
      placeId: place.id,
      subjectType: 'dispatch_report',
      subjectId: id,
      detail: {
        period,
        by,
        figures: report.figures.length,
        watch: report.watch.reduce((n, w) => n + w.total, 0),
        ...(current ? { countedTo: now.toISOString(), snapshotRows } : {}),
      },
    });
    return { id, report };
  });
}

/**
 * POST /api/dashboards/reports: an official builds a place's report again, on demand — last month by default, or the
 * current month (counted to now), never a month to come. A closed month reads its snapshots only: none held, 409.
 */
export async function buildReportOnDemand(ctx: Ctx, input: { placeId: string; period?: string | undefined }) {
  const place = await readablePlace(ctx, input.placeId);
  authorize(ctx.actor, 'build', place.path);
  if (!(REPORT_PLACE_KINDS as readonly string[]).includes(place.kind)) throw DashboardsErrors.REPORT_PLACE_KIND();
  const current = periodOf(ctx.kernel.clock.now());
  const period = input.period ?? previousPeriod(current);
  if (period > current) throw DashboardsErrors.PERIOD_FUTURE();
  if (period < current && !(await holdsSnapshot(ctx, await streetsOf(ctx, place), period))) throw DashboardsErrors.REPORT_NO_SNAPSHOT();
  const { id } = await keepReport(ctx, place, period, 'on-demand');
  return getReport(ctx, id);
}

/**
 * The monthly job's work (`dashboards.monthly-report`): the month-end snapshots first (kernel, idempotent), then last
 * month's report of every street, community and region that has none built after the month ended (one built within
 * the month, counted to its moment, is built again over the whole month). Cheap once done: two indexed reads.
 */
export async function buildMonthlyReports(kernel: Kernel, by: Exclude<BuiltBy, 'on-demand'> = 'job'): Promise<{ period: string; built: number }> {
  if (by === 'job') await takeMonthEndSnapshots(kernel);
  const period = previousPeriod(periodOf(kernel.clock.now()));
  const end = periodEnd(period);
  const db = read(kernel);
  const streetPlaces = await db
    .selectFrom('places as p')
    .select(['p.id', 'p.parent_id', 'p.kind', 'p.name', 'p.path', 'p.depth', 'p.street_id'])
    .where('p.kind', 'in', [...JOB_KINDS.street])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dash_reports as r')
            .select(sql`1`.as('one'))
            .whereRef('r.street_id', '=', 'p.street_id')
            .whereRef('r.place_id', '=', 'p.id')
            .where('r.period', '=', period)
            .where('r.built_at', '>=', end),
        ),
      ),
    )
    .orderBy('p.path')
    .execute();
  const regions = await db
    .selectFrom('places as p')
    .select(['p.id', 'p.parent_id', 'p.kind', 'p.name', 'p.path', 'p.depth', 'p.street_id'])
    .where('p.kind', 'in', [...JOB_KINDS.region])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('dash_region_reports as r').select(sql`1`.as('one')).whereRef('r.region_id', '=', 'p.id').where('r.period', '=', period).where('r.built_at', '>=', end))),
    )
    .orderBy('p.path')
    .execute();
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  let built = 0;
  for (const place of [...streetPlaces, ...regions]) {
    await keepReport(ctx, place, period, by);
    built++;
  }
  return { period, built };
}

/** Every 10 minutes, as the month-end snapshots: soon after midnight on the 1st, and cheap the rest of the month. */
export const monthlyReportJob = { name: 'dashboards.monthly-report', everyMs: 10 * 60_000, run: (kernel: Kernel) => buildMonthlyReports(kernel) };
