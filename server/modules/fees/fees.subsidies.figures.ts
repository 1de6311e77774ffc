import { sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { householdTagsOn } from '../registry/index.ts';
import { SUBSIDY_PAYOUT_KIND } from './fees.constants.ts';
import { type Executor, read } from './fees.db.ts';
import { policyOn, policyVersions } from './use-cases/subsidy-policy.ts';

/**
 * 先缴后补's figures per place (issue 19 §2), over the module's own subsidy lines and bills and the kernel's
 * payout statements of the subsidy kind:
 * - `fees.subsidy_households`: households (rooms) granted a subsidy in the month;
 * - `fees.subsidy_payment_rate`: of the bills whose period starts in the month and whose household held an eligible
 *   tag on the bill's date (the policy of that date), the share paid — the rate 先缴后补 is meant to raise;
 * - `fees.subsidy_granted_fen`: subsidies granted in the month and not reversed, in fen;
 * - `fees.subsidy_paid_fen`: subsidy lines on statements paid in the month (reversals negative), in fen.
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];

type Parts = { placeId: string; numerator: string | number; denominator: string | number | null };
const parts = (rows: Parts[]) => rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.numerator), denominator: x.denominator === null ? null : Number(x.denominator) }));

export async function subsidyHouseholds(db: Executor, at: FigureWindow) {
  const r = await sql<Parts>`
    select up.place_id as "placeId", count(distinct l.room_id) as numerator, null as denominator
    from fee_subsidy_lines l join street_places room on room.street_id = l.street_id and room.id = l.room_id
    ${rollUp('room.path', at)}
    where l.street_id = ${at.streetId} and l.status = 'granted' and l.granted_at >= ${at.from} and l.granted_at < ${at.to}
    group by up.place_id`.execute(read(db));
  return parts(r.rows);
}

export async function subsidyGrantedFen(db: Executor, at: FigureWindow) {
  const r = await sql<Parts>`
    select up.place_id as "placeId", coalesce(sum(l.amount_fen), 0)::bigint as numerator, null as denominator
    from fee_subsidy_lines l join street_places room on room.street_id = l.street_id and room.id = l.room_id
    ${rollUp('room.path', at)}
    where l.street_id = ${at.streetId} and l.status = 'granted' and l.granted_at >= ${at.from} and l.granted_at < ${at.to}
    group by up.place_id`.execute(read(db));
  return parts(r.rows);
}

export async function subsidyPaidFen(db: Executor, at: FigureWindow) {
  const r = await sql<Parts>`
    select up.place_id as "placeId", coalesce(sum(pl.amount_fen), 0)::bigint as numerator, null as denominator
    from payout_lines pl
    join payout_statements s on s.street_id = pl.street_id and s.id = pl.statement_id
    join street_places room on room.street_id = pl.street_id and room.id = pl.place_id
    ${rollUp('room.path', at)}
    where pl.street_id = ${at.streetId} and s.kind = ${SUBSIDY_PAYOUT_KIND} and s.status in ('paid', 'closed') and s.paid_at >= ${at.from} and s.paid_at < ${at.to}
    group by up.place_id`.execute(read(db));
  return parts(r.rows);
}

export async function subsidyPaymentRate(db: Executor, at: FigureWindow) {
  const versions = await policyVersions(db, at.streetId);
  if (versions.length === 0) return [];
  const bills = await read(db)
    .selectFrom('fee_bills as b')
    .select(['b.id', 'b.room_id', sql<string>`to_char(b.issued_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`.as('day')])
    .where('b.street_id', '=', at.streetId)
    .where('b.source', '=', 'generated')
    .where('b.payer_kind', '=', 'owners')
    .where('b.status', '<>', 'written_off')
    .where('b.period_start', '>=', sql<string>`(${at.from}::timestamptz at time zone 'Asia/Shanghai')::date`)
    .where('b.period_start', '<', sql<string>`(${at.to}::timestamptz at time zone 'Asia/Shanghai')::date`)
    .execute();
  // The bills are issued on few days (generation runs per period): one registry read per day.
  const byDay = new Map<string, typeof bills>();
  for (const b of bills) byDay.set(b.day, [...(byDay.get(b.day) ?? []), b]);
  const tagged: string[] = [];
  for (const [day, list] of byDay) {
    const policy = policyOn(versions, day);
    if (!policy) continue;
    const held = await householdTagsOn(db, [...new Set(list.map((b) => b.room_id))], day, policy.tags);
    for (const b of list) if (held.has(b.room_id)) tagged.push(b.id);
  }
  if (tagged.length === 0) return [];
  const r = await sql<Parts>`
    select up.place_id as "placeId", count(*) filter (where b.status = 'paid') as numerator, count(*) as denominator
    from fee_bills b join street_places room on room.street_id = b.street_id and room.id = b.room_id
    ${rollUp('room.path', at)}
    where b.street_id = ${at.streetId} and b.id = any(${tagged}::uuid[])
    group by up.place_id`.execute(read(db));
  return parts(r.rows);
}

export const subsidyFigures: FigureDefinition[] = [
  {
    key: 'fees.subsidy_households',
    name: { zh: '先缴后补受助户数', en: 'Households subsidised (pay first)' },
    definition: { zh: '当月因缴纳物业费获得先缴后补补贴的住户数', en: 'Households granted a pay-first subsidy in the month' },
    numerator: { zh: '受助户数', en: 'Households' },
    unit: 'count',
    placeKinds: KINDS,
    count: subsidyHouseholds,
  },
  {
    key: 'fees.subsidy_payment_rate',
    name: { zh: '低保特困户物业费缴费率', en: 'Payment rate of eligible households' },
    definition: {
      zh: '账期始于当月、且账单日住户成员持有补贴政策所列身份（如低保、特困）的账单中，已缴清的比例',
      en: 'Of the bills whose period starts in the month and whose household held an eligible tag on the bill’s date, the share paid',
    },
    numerator: { zh: '已缴账单数', en: 'Bills paid' },
    denominator: { zh: '账单数', en: 'Bills' },
    unit: 'percent',
    placeKinds: KINDS,
    count: subsidyPaymentRate,
  },
  {
    key: 'fees.subsidy_granted_fen',
    name: { zh: '先缴后补补贴发生额（分）', en: 'Pay-first subsidies granted (fen)' },
    definition: { zh: '当月产生且未冲销的先缴后补补贴合计，单位为分', en: 'Pay-first subsidies granted in the month and not reversed, in fen' },
    numerator: { zh: '补贴（分）', en: 'Granted (fen)' },
    unit: 'count',
    placeKinds: KINDS,
    count: subsidyGrantedFen,
  },
  {
    key: 'fees.subsidy_paid_fen',
    name: { zh: '先缴后补补贴发放额（分）', en: 'Pay-first subsidies paid out (fen)' },
    definition: { zh: '当月登记付款的先缴后补结算单明细合计（冲销为负），单位为分', en: 'The lines of pay-first subsidy statements paid in the month (reversals negative), in fen' },
    numerator: { zh: '发放（分）', en: 'Paid out (fen)' },
    unit: 'count',
    placeKinds: KINDS,
    count: subsidyPaidFen,
  },
];
