import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../kernel/db/index.ts';
import { type FigureDefinition, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { read } from './grid.db.ts';

const t = (zh: string, en: string) => ({ zh, en });

/** Cases opened in the window, for the street, its communities and compounds. */
export async function casesParts(caller: AnyExecutor, at: FigureWindow) {
  const r = await sql<{ placeId: string; numerator: string }>`
    select up.place_id as "placeId", count(*)::bigint as numerator
    from grid_mediation_cases k
    join street_places c on c.street_id = k.street_id and c.id = k.place_id
    ${rollUp('c.path', at)}
    where k.street_id = ${at.streetId} and k.opened_at >= ${at.from} and k.opened_at < ${at.to}
    group by up.place_id`.execute(read(caller));
  return r.rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.numerator), denominator: null }));
}

/** Of the cases closed (agreed or failed) in the window: agreed (settled) or closed by their due time (on time). */
async function closedParts(caller: AnyExecutor, at: FigureWindow, which: 'settled' | 'onTime') {
  const hit = which === 'settled' ? sql`k.status = 'agreed'` : sql`k.due_at is not null and k.closed_at <= k.due_at`;
  const r = await sql<{ placeId: string; numerator: string; denominator: string }>`
    select up.place_id as "placeId", count(*) filter (where ${hit})::bigint as numerator, count(*)::bigint as denominator
    from grid_mediation_cases k
    join street_places c on c.street_id = k.street_id and c.id = k.place_id
    ${rollUp('c.path', at)}
    where k.street_id = ${at.streetId} and k.status in ('agreed', 'failed') and k.closed_at >= ${at.from} and k.closed_at < ${at.to}
    group by up.place_id`.execute(read(caller));
  return r.rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.numerator), denominator: Number(x.denominator) }));
}
export const settledShareParts = (caller: AnyExecutor, at: FigureWindow) => closedParts(caller, at, 'settled');
export const onTimeShareParts = (caller: AnyExecutor, at: FigureWindow) => closedParts(caller, at, 'onTime');

/** The mediation part's kernel figures (issue 25 §1): cases, the settled share, the on-time share. */
export const mediationFigures: FigureDefinition[] = [
  {
    key: 'grid.mediation_cases',
    name: t('人民调解案件数', 'Mediation cases'),
    definition: t('期内登记的人民调解案件数（含居民申请与各来源转入）', 'Mediation cases opened in the period, from every source'),
    numerator: t('登记案件数', 'Cases opened'),
    unit: 'count',
    placeKinds: ['street', 'community', 'compound'],
    count: casesParts,
  },
  {
    key: 'grid.mediation_settled_share',
    name: t('人民调解成功率', 'Mediation settled share'),
    definition: t('期内结案（达成协议或调解不成）的案件中达成协议的比例', 'Of the cases closed in the period (agreed or failed), the share that ended in an agreement'),
    numerator: t('达成协议件数', 'Agreed'),
    denominator: t('结案件数', 'Closed'),
    unit: 'percent',
    placeKinds: ['street', 'community', 'compound'],
    count: settledShareParts,
  },
  {
    key: 'grid.mediation_on_time_share',
    name: t('人民调解按期结案率', 'Mediation cases closed on time'),
    definition: t('期内结案的案件中，在调解期限（受理后 30 日）届满前结案的比例', 'Of the cases closed in the period, the share closed by their due time (30 days after acceptance)'),
    numerator: t('按期结案件数', 'Closed on time'),
    denominator: t('结案件数', 'Closed'),
    unit: 'percent',
    placeKinds: ['street', 'community', 'compound'],
    count: onTimeShareParts,
  },
];
