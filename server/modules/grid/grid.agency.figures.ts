import { sql } from 'kysely';
import { type FigureDefinition, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import type { Executor as AnyExecutor } from '../../kernel/db/index.ts';
import { read } from './grid.db.ts';

const t = (zh: string, en: string) => ({ zh, en });

/** Completed on time ÷ completed, over the cases completed in the window, for the street, its communities and compounds. */
export async function onTimeShareParts(caller: AnyExecutor, at: FigureWindow) {
  const r = await sql<{ placeId: string; numerator: string; denominator: string }>`
    select up.place_id as "placeId", count(*) filter (where k.on_time)::bigint as numerator, count(*)::bigint as denominator
    from grid_agency_cases k
    join street_places c on c.street_id = k.street_id and c.id = k.compound_id
    ${rollUp('c.path', at)}
    where k.street_id = ${at.streetId} and k.status = 'completed' and k.completed_at >= ${at.from} and k.completed_at < ${at.to}
    group by up.place_id`.execute(read(caller));
  return r.rows.map((x) => ({ placeId: x.placeId, numerator: Number(x.numerator), denominator: Number(x.denominator) }));
}

/** The agency part's kernel figure (issue 24 §3): the on-time share of completed cases. */
export const agencyFigures: FigureDefinition[] = [
  {
    key: 'grid.agency_on_time_share',
    name: t('政务代办按时办结率', 'Agency cases completed on time'),
    definition: t(
      '当月办结的代办件中，在办结时限（受理日加服务事项时限天数）当天或之前办结的比例',
      'Of the agency cases completed in the month, the share completed on or before their due day (the day accepted plus the service’s time limit)',
    ),
    numerator: t('按时办结件数', 'Completed on time'),
    denominator: t('办结件数', 'Completed'),
    unit: 'percent',
    placeKinds: ['street', 'community', 'compound'],
    count: onTimeShareParts,
  },
];
