import { type RawBuilder, sql } from 'kysely';
import { type FigureDefinition, type FigurePlaceKind, type FigureWindow, rollUp } from '../../kernel/figures/figures.ts';
import { type Executor, read } from './grid.db.ts';

/**
 * Problems reported and solved (DOMAIN.md §8), from the grid events: events reported in the month, and of the events
 * resolved in the month the share resolved by their due time. Dismissed events count in neither.
 */
const KINDS: FigurePlaceKind[] = ['street', 'community', 'grid', 'compound'];

async function eventsIn(db: Executor, at: FigureWindow, when: 'created_at' | 'resolved_at', numerator: RawBuilder<boolean>) {
  const r = await sql<{ placeId: string; numerator: number; denominator: number }>`
    select up.place_id as "placeId", count(*) filter (where ${numerator})::int as numerator, count(*)::int as denominator
    from grid_events e
    join street_places c on c.street_id = e.street_id and c.id = e.compound_id
    ${rollUp('c.path', at)}
    where e.street_id = ${at.streetId} and e.status <> 'dismissed' and ${sql.ref(`e.${when}`)} >= ${at.from} and ${sql.ref(`e.${when}`)} < ${at.to}
    group by up.place_id`.execute(read(db));
  return r.rows;
}

export const eventsFigures: FigureDefinition[] = [
  {
    key: 'grid.events_reported',
    name: { zh: '网格事件上报数', en: 'Grid events reported' },
    definition: { zh: '当月上报的网格事件数（不含驳回的）', en: 'Grid events reported in the month (dismissed ones excluded)' },
    numerator: { zh: '上报事件', en: 'Events reported' },
    unit: 'count',
    placeKinds: KINDS,
    count: async (db, at) => (await eventsIn(db, at, 'created_at', sql<boolean>`true`)).map((r) => ({ placeId: r.placeId, numerator: r.numerator, denominator: null })),
  },
  {
    key: 'grid.events_on_time',
    name: { zh: '网格事件按时办结率', en: 'Grid events resolved on time' },
    definition: {
      zh: '当月办结的网格事件中，在处置时限内办结的比例',
      en: 'Of the grid events resolved in the month, the share resolved by their due time',
    },
    numerator: { zh: '按时办结', en: 'Resolved on time' },
    denominator: { zh: '当月办结', en: 'Resolved in the month' },
    unit: 'percent',
    placeKinds: KINDS,
    count: (db, at) => eventsIn(db, at, 'resolved_at', sql<boolean>`e.due_at is null or e.resolved_at <= e.due_at`),
  },
];
