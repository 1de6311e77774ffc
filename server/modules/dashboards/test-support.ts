import { sql } from 'kysely';
import { MODULES } from '../../app.ts';
import type { Kernel } from '../../kernel/context.ts';
import { type FigureDefinition, rollUp, useFigures } from '../../kernel/figures/figures.ts';
import { useWatchlist, type WatchSource } from '../../kernel/figures/watchlist.ts';
import { newId } from '../../kernel/ids.ts';

/**
 * Test-only figures and a watch source over a kernel table the test fills at will (approval requests), declared
 * beside the modules' as a module 'test' would: a share with a direction (approved / filed in the month, higher is
 * better), a count that is better lower (still pending), a figure with rows, and the requests still pending as the
 * dispatch's open work.
 */
const KINDS = ['street', 'community', 'grid', 'compound'] as const;

async function approvalsCount(db: Parameters<FigureDefinition['count']>[0], at: Parameters<FigureDefinition['count']>[1], numerator: ReturnType<typeof sql>) {
  const rows = await sql<{ placeId: string; numerator: number; denominator: number }>`
    select up.place_id as "placeId", (count(*) filter (where ${numerator}))::int as numerator, count(*)::int as denominator
    from approvals a join street_places p on p.street_id = a.street_id and p.id = a.place_id
    ${rollUp('p.path', at)}
    where a.street_id = ${at.streetId} and a.requested_at >= ${at.from} and a.requested_at < ${at.to}
    group by up.place_id`.execute(db);
  return rows.rows;
}

export const approvedShare: FigureDefinition = {
  key: 'test.approved_share',
  name: { zh: '审批通过率', en: 'Approved share' },
  definition: { zh: '当月提交的审批申请中已通过的比例', en: 'Requests filed in the month that were approved' },
  numerator: { zh: '已通过', en: 'Approved' },
  denominator: { zh: '已提交', en: 'Filed' },
  unit: 'percent',
  better: 'higher',
  placeKinds: KINDS,
  count: (db, at) => approvalsCount(db, at, sql`a.status = 'approved'`),
  async rows(db, q) {
    const r = await sql<{ id: string; summary: string; status: string; requested_at: Date }>`
      select a.id, a.summary, a.status, a.requested_at from approvals a join street_places p on p.street_id = a.street_id and p.id = a.place_id
      where a.street_id = ${q.streetId} and p.path like ${`${q.place.path}%`} and a.requested_at >= ${q.from} and a.requested_at < ${q.to}
      order by a.requested_at desc, a.id limit ${q.limit} offset ${q.offset}`.execute(db);
    return {
      total: r.rows.length,
      counted: r.rows.filter((x) => x.status === 'approved').length,
      items: r.rows.map((x) => ({ id: x.id, label: x.summary, place: '', counted: x.status === 'approved', at: x.requested_at, note: null, link: null })),
    };
  },
};

export const stillPending: FigureDefinition = {
  key: 'test.still_pending',
  name: { zh: '待审批数', en: 'Still pending' },
  definition: { zh: '当月提交且仍待审批的申请', en: 'Requests filed in the month still pending' },
  numerator: { zh: '待审批', en: 'Pending' },
  unit: 'count',
  better: 'lower',
  placeKinds: KINDS,
  count: async (db, at) => (await approvalsCount(db, at, sql`a.status = 'pending'`)).map((r) => ({ placeId: r.placeId, numerator: r.numerator, denominator: null })),
};

export const pendingRequests: WatchSource = {
  key: 'test.pending_requests',
  title: { zh: '待审批事项', en: 'Pending requests' },
  definition: { zh: '提交后仍未审批的申请', en: 'Requests not yet decided' },
  async list(db, q) {
    const rows = await sql<{ id: string; summary: string; name: string; requested_at: Date; total: number }>`
      select a.id, a.summary, p.name, a.requested_at, (count(*) over ())::int as total
      from approvals a join street_places p on p.street_id = a.street_id and p.id = a.place_id
      where a.street_id = ${q.streetId} and p.path like ${`${q.placePath}%`} and a.status = 'pending' and a.requested_at < ${q.at}
      order by a.requested_at, a.id limit ${q.limit}`.execute(db);
    return {
      total: rows.rows[0]?.total ?? 0,
      items: rows.rows.map((r) => ({ id: r.id, title: `审批 ${r.summary}`, place: r.name, holder: null, since: r.requested_at, due: null, link: `/approvals/${r.id}` })),
    };
  },
};

/** The app's figures and watch sources with the test's own, as buildServer would set them from a module list that had them. */
export function useTestFigures(): void {
  useFigures([...MODULES, { name: 'test', figures: [approvedShare, stillPending] }]);
  useWatchlist([...MODULES, { name: 'test', watchlist: [pendingRequests] }]);
}
/** Back to the app's own. */
export function restoreFigures(): void {
  useFigures(MODULES);
  useWatchlist(MODULES);
}

/** An approval request filed at a place at a moment, approved or still pending: what the test figures count. */
export async function fileRequest(kernel: Kernel, by: string, placeId: string, streetId: string, when: string, status: 'approved' | 'pending', summary = '申请') {
  await kernel.db
    .insertInto('approvals')
    .values({ street_id: streetId, id: newId(), kind: 'test', place_id: placeId, summary, payload: '{}', status, requested_by: by, requested_at: new Date(when) })
    .execute();
}

export const setClock = (clock: { now(): Date; advance(ms: number): void }, iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
