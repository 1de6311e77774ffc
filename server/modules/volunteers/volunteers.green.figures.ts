import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../kernel/db/index.ts';
import { type FigureDefinition, type FigureParts, type FigurePlaceKind, type FigureWindow, dayBefore, rollUp } from '../../kernel/figures/figures.ts';
import { read } from './volunteers.db.ts';

const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];

/**
 * The adoption rate by area (认养率), per place on the window's last day: the area (hundredths of m², integers) of the
 * plots under an adoption covering that day, over the area of the plots not closed by then. Plots added after the
 * window and approvals made after it do not count. One grouped query, rolled up to every kept place above a plot.
 */
export async function adoptionRateParts(caller: AnyExecutor, at: FigureWindow): Promise<FigureParts[]> {
  const day = dayBefore(at.to);
  const rows = await sql<{ placeId: string; numerator: string; denominator: string }>`
    select up.place_id as "placeId",
      coalesce(sum(p.area_centi) filter (where exists (
        select 1 from vol_green_adoptions a
        where a.street_id = p.street_id and a.plot_id = p.id and a.status in ('active', 'ended') and a.decided_at < ${at.to}
          and a.from_day <= ${day}::date and a.to_day >= ${day}::date and (a.ended_on is null or a.ended_on > ${day}::date)
      )), 0)::bigint as numerator,
      sum(p.area_centi)::bigint as denominator
    from vol_green_plots p
    join street_places c on c.street_id = p.street_id and c.id = p.place_id
    ${rollUp('c.path', at)}
    where p.street_id = ${at.streetId} and p.created_at < ${at.to} and (p.closed_at is null or p.closed_at >= ${at.to})
    group by up.place_id`.execute(read(caller));
  return rows.rows.map((r) => ({ placeId: r.placeId, numerator: Number(r.numerator), denominator: Number(r.denominator) }));
}

export const greenFigures: FigureDefinition[] = [
  {
    key: 'volunteers.green_adoption_rate',
    name: { zh: '绿地认养率（按面积）', en: 'Green adoption rate (by area)' },
    definition: {
      zh: '当日处于认养期内的绿地面积占未关闭绿地总面积的比例（面积以0.01平方米计）',
      en: 'Area of the green plots under an adoption on the day over the area of all plots not closed (areas in hundredths of m²)',
    },
    numerator: { zh: '已认养面积（0.01㎡）', en: 'Area adopted (0.01 m²)' },
    denominator: { zh: '绿地总面积（0.01㎡）', en: 'Green area (0.01 m²)' },
    unit: 'percent',
    placeKinds: KINDS,
    count: adoptionRateParts,
  },
];
