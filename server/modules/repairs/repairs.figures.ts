import { type RawBuilder, sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { type Executor, read } from './repairs.db.ts';

/**
 * Repairs' monthly figures, over what happened in the month: orders reported, orders finished within
 * their completion limit, and satisfaction (ratings 4–5) — the same measures as the figures page
 * (use-cases/get-figures.ts: withdrawn orders do not count, "satisfied" is a rating of 4 or 5).
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];

/** Orders whose `when` falls in the window, per kept place above the order's place. */
async function ordersIn(caller: Executor | Parameters<typeof read>[0], at: FigureWindow, when: string, numerator: RawBuilder<boolean>) {
  const w = sql.ref(`o.${when}`);
  const rows = await sql<{ placeId: string; numerator: number; denominator: number }>`
    select up.place_id as "placeId", count(*) filter (where ${numerator})::int as numerator, count(*)::int as denominator
    from rep_orders o
    join street_places p on p.street_id = o.street_id and p.id = o.place_id
    ${rollUp('p.path', at)}
    where o.street_id = ${at.streetId} and o.status <> 'cancelled' and ${w} >= ${at.from} and ${w} < ${at.to}
    group by up.place_id`.execute(read(caller));
  return rows.rows;
}

export const repairsFigures: FigureDefinition[] = [
  {
    key: 'repairs.reported',
    name: { zh: '报修工单数', en: 'Repair orders reported' },
    definition: { zh: '当月提交的报修工单数（不含已撤回）', en: 'Repair orders reported in the month (withdrawn ones excluded)' },
    numerator: { zh: '报修工单', en: 'Orders reported' },
    unit: 'count',
    placeKinds: KINDS,
    count: async (db, at) => (await ordersIn(db, at, 'reported_at', sql<boolean>`true`)).map((r) => ({ placeId: r.placeId, numerator: r.numerator, denominator: null })),
  },
  {
    key: 'repairs.on_time',
    name: { zh: '工单按时办结率', en: 'Repairs finished on time' },
    definition: {
      zh: '当月完工的报修工单中，在完成时限内完工的比例',
      en: 'Of the repair orders finished in the month, the share finished within their completion time limit',
    },
    numerator: { zh: '按时完工', en: 'Finished on time' },
    denominator: { zh: '当月完工', en: 'Finished in the month' },
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => ordersIn(db, at, 'finished_at', sql<boolean>`o.finished_at <= o.complete_by`),
  },
  {
    key: 'repairs.satisfaction',
    name: { zh: '报修满意率', en: 'Repair satisfaction' },
    definition: { zh: '当月评价的报修工单中，评为4星或5星的比例', en: 'Of the repair orders rated in the month, the share rated 4 or 5 stars' },
    numerator: { zh: '满意（4–5星）', en: 'Satisfied (4–5 stars)' },
    denominator: { zh: '当月评价', en: 'Rated in the month' },
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => ordersIn(db, at, 'rated_at', sql<boolean>`o.rating >= 4`),
  },
];
