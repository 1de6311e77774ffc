import { sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { type Executor, read } from './supervision.db.ts';

/**
 * The star distribution (有礼小区 三类五星, DOMAIN.md §8), as the stars stand at the window's end — each compound's
 * latest confirmed star level: the share of compounds holding a star level, and the mean level of those that do.
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'compound'];

async function starParts(db: Executor, at: FigureWindow, measure: 'rated' | 'stars') {
  const r = await sql<{ placeId: string; numerator: number; denominator: number }>`
    with latest as (
      select distinct on (s.compound_id) s.compound_id, s.stars
      from sup_compound_stars s
      where s.street_id = ${at.streetId} and s.confirmed_at < ${at.to}
      order by s.compound_id, s.confirmed_at desc, s.id)
    select up.place_id as "placeId",
      ${measure === 'rated' ? sql`count(l.compound_id)::int` : sql`coalesce(sum(l.stars), 0)::int`} as numerator,
      ${measure === 'rated' ? sql`count(*)::int` : sql`count(l.compound_id)::int`} as denominator
    from street_places c
    left join latest l on l.compound_id = c.id
    ${rollUp('c.path', at)}
    where c.street_id = ${at.streetId} and c.kind = 'compound'
    group by up.place_id`.execute(read(db));
  return r.rows;
}

export const starsFigures: FigureDefinition[] = [
  {
    key: 'supervision.starred_share',
    name: { zh: '星级小区占比', en: 'Compounds with a star level' },
    definition: { zh: '统计时点已确认星级（有礼小区）的小区占小区总数的比例', en: 'Share of compounds holding a confirmed star level when counted' },
    numerator: { zh: '星级小区', en: 'Compounds with stars' },
    denominator: { zh: '小区总数', en: 'Compounds' },
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => starParts(db, at, 'rated'),
  },
  {
    key: 'supervision.stars_average',
    name: { zh: '星级小区平均星级', en: 'Mean star level' },
    definition: { zh: '统计时点星级小区的最近一次确认星级的平均值', en: 'The mean of the latest confirmed star level of the compounds holding one when counted' },
    numerator: { zh: '星级合计', en: 'Stars in all' },
    denominator: { zh: '星级小区', en: 'Compounds with stars' },
    unit: 'score',
    better: 'higher',
    placeKinds: KINDS,
    count: (db, at) => starParts(db, at, 'stars'),
  },
];
