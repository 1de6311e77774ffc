import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../kernel/db/index.ts';
import { type FigureDefinition, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { read } from './grid.db.ts';

const t = (zh: string, en: string) => ({ zh, en });
type Parts = { placeId: string; numerator: number; denominator: number | null }[];

/** Active organisations at the window's end: registered before it, not dissolved before it. Street, community and compound (a compound counts those registered at it). */
export async function socialOrgsParts(caller: AnyExecutor, at: FigureWindow): Promise<Parts> {
  const r = await sql<{ placeId: string; n: string }>`
    select up.place_id as "placeId", count(*)::bigint as n
    from grid_social_orgs o
    join street_places c on c.street_id = o.street_id and c.id = o.place_id
    ${rollUp('c.path', at)}
    where o.street_id = ${at.streetId} and o.created_at < ${at.to} and (o.dissolved_at is null or o.dissolved_at >= ${at.to})
    group by up.place_id`.execute(read(caller));
  return r.rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.n), denominator: null }));
}

/** The first instant of the year (China time) the window ends in: a round's grants are a year's programme. */
export const yearOfWindow = (at: Pick<FigureWindow, 'to'>): Date => new Date(`${chinaDay(new Date(at.to.getTime() - 1)).slice(0, 4)}-01-01T00:00:00+08:00`);

/** Grants approved in the year to the window's end (fen), by the round's place. */
export async function grantedParts(caller: AnyExecutor, at: FigureWindow): Promise<Parts> {
  const r = await sql<{ placeId: string; n: string }>`
    select up.place_id as "placeId", coalesce(sum(a.grant_fen), 0)::bigint as n
    from grid_venture_applications a
    join grid_venture_rounds rd on rd.street_id = a.street_id and rd.id = a.round_id
    join street_places c on c.street_id = rd.street_id and c.id = rd.place_id
    ${rollUp('c.path', at)}
    where a.street_id = ${at.streetId} and a.grant_fen is not null and a.funded_at >= ${yearOfWindow(at)} and a.funded_at < ${at.to}
    group by up.place_id`.execute(read(caller));
  return r.rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.n), denominator: null }));
}

/** Projects evaluated 合格 or better ÷ projects evaluated, over every evaluation recorded by the window's end. */
export async function completedShareParts(caller: AnyExecutor, at: FigureWindow): Promise<Parts> {
  const r = await sql<{ placeId: string; numerator: string; denominator: string }>`
    select up.place_id as "placeId", count(*) filter (where a.grade in ('excellent', 'good', 'pass'))::bigint as numerator, count(*)::bigint as denominator
    from grid_venture_applications a
    join grid_venture_rounds rd on rd.street_id = a.street_id and rd.id = a.round_id
    join street_places c on c.street_id = rd.street_id and c.id = rd.place_id
    ${rollUp('c.path', at)}
    where a.street_id = ${at.streetId} and a.grade is not null and a.evaluated_at < ${at.to}
    group by up.place_id`.execute(read(caller));
  return r.rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.numerator), denominator: Number(x.denominator) }));
}

/** The social part's kernel figures (issue 25 §2): organisations, grants approved, and the completed share. */
export const socialFigures: FigureDefinition[] = [
  {
    key: 'grid.social_orgs',
    name: t('社区社会组织数', 'Community social organisations'),
    definition: t('期末仍在活动（未注销）的社区社会组织数', 'Community social organisations active (not dissolved) at the end of the period'),
    numerator: t('社会组织数', 'Organisations'),
    unit: 'count',
    placeKinds: ['street', 'community', 'compound'],
    count: socialOrgsParts,
  },
  {
    key: 'grid.venture_granted_fen',
    name: t('公益创投本年批准资助金额（分）', 'Venture grants approved this year (fen)'),
    definition: t('本年初至期末批准的资助名单中各项目资助金额之和，单位为分', 'The sum of the grants in the funded lists approved from the start of the year to the end of the period, in fen'),
    numerator: t('资助金额（分）', 'Grants (fen)'),
    unit: 'count',
    placeKinds: ['street', 'community', 'compound'],
    count: grantedParts,
  },
  {
    key: 'grid.venture_completed_share',
    name: t('公益创投项目完成率', 'Venture projects completed'),
    definition: t('截至期末已完成终期评估的资助项目中，评为合格及以上的比例', 'Of the funded projects evaluated by the end of the period, the share graded pass or better'),
    numerator: t('合格及以上项目数', 'Pass or better'),
    denominator: t('已评估项目数', 'Evaluated'),
    unit: 'percent',
    placeKinds: ['street', 'community', 'compound'],
    count: completedShareParts,
  },
];
