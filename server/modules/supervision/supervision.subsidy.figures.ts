import { sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { previousPeriod } from '../../kernel/payouts/payouts.ts';
import { type Executor, read } from './supervision.db.ts';
import { STANDARD_SUBSIDY_KIND } from './supervision.subsidy.constants.ts';
import { subsidyOutcomes } from './use-cases/subsidy-outcomes.ts';

/**
 * 达标补贴's figures per place. Figures are kept per month; a quarter's assessment is published, and its subsidy
 * decided, after the quarter ends — so a month shows the quarter ended just before it began (October, November and
 * December show Q3):
 * - `supervision.subsidy_listed`: compounds listed for that quarter;
 * - `supervision.subsidy_meeting`: of those, the ones whose published assessment of that quarter meets the standard;
 * - `supervision.subsidy_paid_fen`: lines of 达标补贴 statements paid in the window, in fen.
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];

type Parts = { placeId: string; numerator: string | number };
const parts = (rows: Parts[]) => rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.numerator), denominator: null }));

/** Counts compounds (by id) rolled up to the places above them. */
async function countCompounds(db: Executor, at: FigureWindow, ids: string[]) {
  if (ids.length === 0) return [];
  const r = await sql<Parts>`
    select up.place_id as "placeId", count(*) as numerator
    from street_places c ${rollUp('c.path', at)}
    where c.street_id = ${at.streetId} and c.id = any(${ids}::uuid[])
    group by up.place_id`.execute(read(db));
  return parts(r.rows);
}

export async function subsidyListed(db: Executor, at: FigureWindow) {
  const { rows } = await subsidyOutcomes(read(db), at.streetId, previousPeriod('quarter', at.from).label);
  return countCompounds(db, at, rows.map((r) => r.compoundId));
}

export async function subsidyMeeting(db: Executor, at: FigureWindow) {
  const { rows } = await subsidyOutcomes(read(db), at.streetId, previousPeriod('quarter', at.from).label);
  return countCompounds(db, at, rows.filter((r) => r.outcome === 'meets').map((r) => r.compoundId));
}

export async function subsidyPaidFen(db: Executor, at: FigureWindow) {
  const r = await sql<Parts>`
    select up.place_id as "placeId", coalesce(sum(pl.amount_fen), 0)::bigint as numerator
    from payout_lines pl
    join payout_statements s on s.street_id = pl.street_id and s.id = pl.statement_id
    join street_places c on c.street_id = pl.street_id and c.id = pl.place_id
    ${rollUp('c.path', at)}
    where pl.street_id = ${at.streetId} and s.kind = ${STANDARD_SUBSIDY_KIND} and s.status in ('paid', 'closed') and s.paid_at >= ${at.from} and s.paid_at < ${at.to}
    group by up.place_id`.execute(read(db));
  return parts(r.rows);
}

export const subsidyFigures: FigureDefinition[] = [
  {
    key: 'supervision.subsidy_listed',
    name: { zh: '达标补贴名单小区数', en: 'Compounds listed for the service-standard subsidy' },
    definition: { zh: '上一季度（当月之前最近结束的季度）列入达标补贴名单的小区数', en: 'Compounds on the service-standard subsidy list for the quarter ended before the month' },
    numerator: { zh: '小区数', en: 'Compounds' },
    unit: 'count',
    placeKinds: KINDS,
    count: subsidyListed,
  },
  {
    key: 'supervision.subsidy_meeting',
    name: { zh: '达标补贴达标小区数', en: 'Listed compounds meeting the standard' },
    definition: {
      zh: '上一季度名单内小区中，该季度已公布的物业服务考评得分达到补贴政策标准的小区数',
      en: "Listed compounds whose published assessment of the quarter ended before the month meets the subsidy policy's standard",
    },
    numerator: { zh: '达标小区数', en: 'Compounds meeting it' },
    unit: 'count',
    placeKinds: KINDS,
    count: subsidyMeeting,
  },
  {
    key: 'supervision.subsidy_paid_fen',
    name: { zh: '达标补贴发放额（分）', en: 'Service-standard subsidy paid (fen)' },
    definition: { zh: '当月登记付款的达标补贴结算单明细合计，单位为分', en: 'The lines of service-standard subsidy statements paid in the month, in fen' },
    numerator: { zh: '发放（分）', en: 'Paid (fen)' },
    unit: 'count',
    placeKinds: KINDS,
    count: subsidyPaidFen,
  },
];
