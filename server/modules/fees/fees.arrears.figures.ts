import { sql } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import { type FigureDefinition, type FigurePlaceKind, type FigureRowsQuery, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { type Executor, read } from './fees.db.ts';

/**
 * Fees' figures (issue 18 item 7), counted in fen over the module's own bills and allocations (refunds are
 * negative allocations, so every sum is net). A day is a Shanghai day; a bill's period and due date are dates.
 *
 * - `fees.collection_rate`: the bills whose period starts in the month; what was paid on them before their
 *   period ended ÷ what they bill (amount + approved adjustments). A bill paid after its period's end does
 *   not count here — it counts in the next rate.
 * - `fees.collection_rate_all` (including old arrears): what was paid in the month on the bills due by the
 *   month's end ÷ what those bills still owed when the month began (billed − paid before the month).
 * - `fees.arrears_total`: what the bills overdue when the month ends (due on its last day or before) still
 *   owe then, in fen; a stock. Written-off bills owe nothing.
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];

const day = (t: Date) => sql`(${t}::timestamptz at time zone 'Asia/Shanghai')::date`;
/** The Shanghai midnight starting a date column's day. */
const midnight = (ref: string) => sql`(${sql.ref(ref)}::timestamp at time zone 'Asia/Shanghai')`;
const paidBefore = (t: ReturnType<typeof sql>) =>
  sql<number>`coalesce((select sum(a.amount_fen) from fee_payment_allocations a where a.street_id = b.street_id and a.bill_id = b.id and a.at < ${t}), 0)`;

async function rows(caller: Executor, at: FigureWindow, numerator: ReturnType<typeof sql>, denominator: ReturnType<typeof sql> | null, where: ReturnType<typeof sql>) {
  const r = await sql<{ placeId: string; numerator: string | number; denominator: string | number | null }>`
    select up.place_id as "placeId", coalesce(sum(${numerator}), 0)::bigint as numerator, ${denominator ? sql`coalesce(sum(${denominator}), 0)::bigint` : sql`null`} as denominator
    from fee_bills b
    join street_places room on room.street_id = b.street_id and room.id = b.room_id
    ${rollUp('room.path', at)}
    where b.street_id = ${at.streetId} and ${where}
    group by up.place_id`.execute(read(caller));
  return r.rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.numerator), denominator: x.denominator === null ? null : Number(x.denominator) }));
}

export const collectionRate = (db: Executor, at: FigureWindow) =>
  rows(db, at, paidBefore(midnight('b.period_end')), sql`b.amount_fen + b.adjusted_fen`, sql`b.period_start >= ${day(at.from)} and b.period_start < ${day(at.to)}`);

/**
 * The bills behind the collection rate under one place, a page by room: each bill's billed amount and what was paid on
 * it within its period (its parts, which sum to the place's); counted when paid in full within the period.
 */
export async function collectionRateRows(caller: Executor, q: FigureRowsQuery) {
  const paid = paidBefore(midnight('b.period_end'));
  const billed = sql`(b.amount_fen + b.adjusted_fen)`;
  const full = sql<boolean>`${paid} >= ${billed}`;
  const only = q.only === 'counted' ? sql`and ${full}` : q.only === 'uncounted' ? sql`and not ${full}` : sql``;
  const under = sql`b.street_id = ${q.streetId} and b.period_start >= ${day(q.from)} and b.period_start < ${day(q.to)} and room.path like ${`${q.place.path}%`} ${only}`;
  const db = read(caller);
  const [page, totals] = await Promise.all([
    sql<{ id: string; label: string; compound: string; periodStart: string; paid: string; billed: string }>`
      select b.id, ${pathLabel('room.path', ['building', 'unit', 'room'])} as label, ${pathLabel('room.path', ['compound'])} as compound,
        b.period_start::text as "periodStart", ${paid}::bigint as paid, ${billed}::bigint as billed
      from fee_bills b join street_places room on room.street_id = b.street_id and room.id = b.room_id
      where ${under}
      order by room.path, b.period_start, b.id
      limit ${q.limit} offset ${q.offset}`.execute(db),
    sql<{ total: number; counted: number }>`
      select count(*)::int as total, count(*) filter (where ${full})::int as counted
      from fee_bills b join street_places room on room.street_id = b.street_id and room.id = b.room_id
      where ${under}`.execute(db),
  ]);
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  return {
    total: totals.rows[0]?.total ?? 0,
    counted: totals.rows[0]?.counted ?? 0,
    items: page.rows.map((r) => {
      const parts = { numerator: Number(r.paid), denominator: Number(r.billed) };
      return {
        id: r.id,
        label: r.label,
        place: r.compound,
        counted: parts.numerator >= parts.denominator,
        at: null,
        note: `账期 ${r.periodStart} 起：已缴 ${yuan(parts.numerator)} / 应缴 ${yuan(parts.denominator)} 元`,
        link: null,
        parts,
      };
    }),
  };
}

export const collectionRateAll = async (db: Executor, at: FigureWindow) => {
  const owedAtStart = sql`greatest(b.amount_fen + b.adjusted_fen - ${paidBefore(sql`${at.from}::timestamptz`)}, 0)`;
  // Per bill never below zero: a refund in the month of what was paid before it is not a negative collection.
  const paidIn = sql`greatest(${paidBefore(sql`${at.to}::timestamptz`)} - ${paidBefore(sql`${at.from}::timestamptz`)}, 0)`;
  return (await rows(db, at, paidIn, owedAtStart, sql`b.due_on < ${day(at.to)} and b.status <> 'written_off'`)).filter((r) => r.denominator !== 0 || r.numerator !== 0);
};

export const arrearsTotal = async (db: Executor, at: FigureWindow) =>
  (await rows(db, at, sql`greatest(b.amount_fen + b.adjusted_fen - ${paidBefore(sql`${at.to}::timestamptz`)}, 0)`, null, sql`b.due_on < ${day(at.to)} and b.status <> 'written_off'`)).filter((r) => r.numerator > 0);

export const arrearsFigures: FigureDefinition[] = [
  {
    key: 'fees.collection_rate',
    name: { zh: '物业费收缴率', en: 'Property fee collection rate' },
    definition: {
      zh: '账期始于当月的账单，在账期结束前已缴金额占应缴金额的比例（账期结束后补缴的不计入）',
      en: "Of the bills whose period starts in the month, the share of what they bill that was paid before the period's end (later payments do not count)",
    },
    numerator: { zh: '账期内已缴（分）', en: 'Paid within the period (fen)' },
    denominator: { zh: '应缴（分）', en: 'Billed (fen)' },
    unit: 'percent',
    placeKinds: KINDS,
    count: collectionRate,
    rows: collectionRateRows,
  },
  {
    key: 'fees.collection_rate_all',
    name: { zh: '物业费综合收缴率（含陈欠）', en: 'Collection rate including old arrears' },
    definition: {
      zh: '当月缴纳的金额占月初时已到期及当月到期账单尚欠金额的比例',
      en: 'What was paid in the month, over what the bills due by the month’s end still owed when the month began',
    },
    numerator: { zh: '当月已缴（分）', en: 'Paid in the month (fen)' },
    denominator: { zh: '月初尚欠（分）', en: 'Owed at the month’s start (fen)' },
    unit: 'percent',
    placeKinds: KINDS,
    count: collectionRateAll,
  },
  {
    key: 'fees.arrears_total',
    name: { zh: '物业费欠费总额（分）', en: 'Property fee arrears (fen)' },
    definition: { zh: '月末已逾期未缴账单的欠费合计，单位为分', en: 'What the bills overdue at the month’s end still owe, in fen' },
    numerator: { zh: '欠费（分）', en: 'Owed (fen)' },
    unit: 'count',
    placeKinds: KINDS,
    better: 'lower',
    count: arrearsTotal,
  },
];
