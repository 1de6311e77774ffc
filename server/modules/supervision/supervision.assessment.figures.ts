import { sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { type Colour, COLOURS } from './supervision.assessment.constants.ts';
import { type Executor, read } from './supervision.db.ts';

/**
 * The four-colour distribution (四色评价, DOMAIN.md §8): of the compounds the street's latest assessment published
 * before the window's end rated, the share of each colour — a stock, as the officials last published it. One figure
 * per colour, so each ranks and drills down like any other; the four add up to the compounds rated.
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'compound'];

async function colourParts(db: Executor, at: FigureWindow, colour: Colour) {
  const r = await sql<{ placeId: string; numerator: number; denominator: number }>`
    with latest as (
      select p.period from sup_assessment_periods p
      where p.street_id = ${at.streetId} and p.status = 'published' and p.published_at < ${at.to}
      order by p.published_at desc limit 1)
    select up.place_id as "placeId", count(*) filter (where a.colour = ${colour})::int as numerator, count(*)::int as denominator
    from sup_assessments a
    join latest on latest.period = a.period
    join street_places c on c.street_id = a.street_id and c.id = a.compound_id
    ${rollUp('c.path', at)}
    where a.street_id = ${at.streetId} and a.colour is not null
    group by up.place_id`.execute(read(db));
  return r.rows;
}

const NAMES: Record<Colour, { zh: string; en: string }> = {
  green: { zh: '绿色', en: 'green' },
  blue: { zh: '蓝色', en: 'blue' },
  yellow: { zh: '黄色', en: 'yellow' },
  red: { zh: '红色', en: 'red' },
};

export const assessmentFigures: FigureDefinition[] = COLOURS.map((colour) => ({
  key: `supervision.colour_${colour}`,
  name: { zh: `${NAMES[colour].zh}评价小区占比`, en: `Compounds rated ${NAMES[colour].en}` },
  definition: {
    zh: `统计时点前最近一次公布的物业服务四色评价中，评为${NAMES[colour].zh}的小区占参评小区的比例`,
    en: `Of the compounds rated in the latest four-colour assessment published before the count, the share rated ${NAMES[colour].en}`,
  },
  numerator: { zh: `${NAMES[colour].zh}小区`, en: `Rated ${NAMES[colour].en}` },
  denominator: { zh: '参评小区', en: 'Compounds rated' },
  unit: 'percent',
  // Green and blue are the good colours; yellow and red the ones to bring down.
  better: colour === 'green' || colour === 'blue' ? 'higher' : 'lower',
  placeKinds: KINDS,
  count: (db, at) => colourParts(db, at, colour),
}));
