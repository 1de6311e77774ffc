import { type RawBuilder, sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureRowsQuery, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { type Executor, read } from './repairs.db.ts';

/**
 * Repairs' monthly figures, over what happened in the month: orders reported, orders finished within
 * their completion limit, and satisfaction (ratings 4–5) — the same measures as the figures page
 * (use-cases/get-figures.ts: withdrawn orders do not count, "satisfied" is a rating of 4 or 5).
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];

/** The orders a figure counts: not withdrawn, their `when` in the window, at the street. */
const counted = (at: FigureWindow, when: string) => sql`o.street_id = ${at.streetId} and o.status <> 'cancelled' and ${sql.ref(`o.${when}`)} >= ${at.from} and ${sql.ref(`o.${when}`)} < ${at.to}`;

/** Orders whose `when` falls in the window, per kept place above the order's place. */
async function ordersIn(caller: Executor | Parameters<typeof read>[0], at: FigureWindow, when: string, numerator: RawBuilder<boolean>) {
  const rows = await sql<{ placeId: string; numerator: number; denominator: number }>`
    select up.place_id as "placeId", count(*) filter (where ${numerator})::int as numerator, count(*)::int as denominator
    from rep_orders o
    join street_places p on p.street_id = o.street_id and p.id = o.place_id
    ${rollUp('p.path', at)}
    where ${counted(at, when)}
    group by up.place_id`.execute(read(caller));
  return rows.rows;
}

/**
 * The same orders under one place, a page of them, newest first: the dashboard's rows behind the figure. `note`
 * says why an order is out of the numerator (finished late, rated below 4).
 */
async function ordersAt(caller: Executor | Parameters<typeof read>[0], q: FigureRowsQuery, when: string, numerator: RawBuilder<boolean>, note: RawBuilder<string | null>) {
  const only = q.only === 'counted' ? sql`and (${numerator})` : q.only === 'uncounted' ? sql`and not (${numerator})` : sql``;
  const under = sql`${counted(q, when)} and p.path like ${`${q.place.path}%`}`;
  const db = read(caller);
  const [rows, totals] = await Promise.all([
    sql<{ id: string; no: string; category: string; description: string; compound: string; at: Date; counted: boolean; note: string | null }>`
      select o.id, o.no, o.category, o.description, c.name as compound, ${sql.ref(`o.${when}`)} as at, (${numerator}) as counted, ${note} as note
      from rep_orders o
      join street_places p on p.street_id = o.street_id and p.id = o.place_id
      join street_places c on c.street_id = o.street_id and c.id = o.compound_id
      where ${under} ${only}
      order by ${sql.ref(`o.${when}`)} desc, o.id
      limit ${q.limit} offset ${q.offset}`.execute(db),
    sql<{ total: number; counted: number }>`
      select count(*)::int as total, count(*) filter (where ${numerator})::int as counted
      from rep_orders o join street_places p on p.street_id = o.street_id and p.id = o.place_id
      where ${under} ${only}`.execute(db),
  ]);
  return {
    total: totals.rows[0]?.total ?? 0,
    counted: totals.rows[0]?.counted ?? 0,
    items: rows.rows.map((r) => ({
      id: r.id,
      label: `${r.no} ${r.description.length > 24 ? `${r.description.slice(0, 24)}…` : r.description}`,
      place: r.compound,
      counted: r.counted,
      at: r.at,
      note: r.note,
      link: `/repairs/orders/${r.id}`,
    })),
  };
}

const ON_TIME = sql<boolean>`o.finished_at <= o.complete_by`;
const SATISFIED = sql<boolean>`o.rating >= 4`;

export const repairsFigures: FigureDefinition[] = [
  {
    key: 'repairs.reported',
    name: { zh: '报修工单数', en: 'Repair orders reported' },
    definition: { zh: '当月提交的报修工单数（不含已撤回）', en: 'Repair orders reported in the month (withdrawn ones excluded)' },
    numerator: { zh: '报修工单', en: 'Orders reported' },
    unit: 'count',
    placeKinds: KINDS,
    count: async (db, at) => (await ordersIn(db, at, 'reported_at', sql<boolean>`true`)).map((r) => ({ placeId: r.placeId, numerator: r.numerator, denominator: null })),
    rows: (db, q) => ordersAt(db, q, 'reported_at', sql<boolean>`true`, sql<null>`null`),
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
    count: (db, at) => ordersIn(db, at, 'finished_at', ON_TIME),
    rows: (db, q) => ordersAt(db, q, 'finished_at', ON_TIME, sql<string | null>`case when o.finished_at > o.complete_by then '超时完工' end`),
  },
  {
    key: 'repairs.satisfaction',
    name: { zh: '报修满意率', en: 'Repair satisfaction' },
    definition: { zh: '当月评价的报修工单中，评为4星或5星的比例', en: 'Of the repair orders rated in the month, the share rated 4 or 5 stars' },
    numerator: { zh: '满意（4–5星）', en: 'Satisfied (4–5 stars)' },
    denominator: { zh: '当月评价', en: 'Rated in the month' },
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => ordersIn(db, at, 'rated_at', SATISFIED),
    rows: (db, q) => ordersAt(db, q, 'rated_at', SATISFIED, sql<string>`o.rating || '星'`),
  },
];
