import { sql } from 'kysely';
import { type WatchSource, watchPage } from '../../kernel/figures/watchlist.ts';
import { read } from './grid.db.ts';

/** The monthly dispatch's list of grid events past their due time and not resolved at its moment, the longest overdue first. */
export const eventsWatch: WatchSource[] = [
  {
    key: 'grid.overdue_events',
    title: { zh: '超期未办结网格事件', en: 'Grid events past their due time' },
    definition: { zh: '统计时点已超过处置时限仍未办结的网格事件（不含已驳回）', en: 'Grid events past their due time and not resolved when counted (dismissed ones excluded)' },
    list: async (db, q) => {
      const rows = await sql<{ id: string; category: string; location: string; place: string; since: Date; due: Date; total: number }>`
        select e.id, e.category, e.location, c.name as place, e.created_at as since, e.due_at as due, count(*) over ()::int as total
        from grid_events e
        join street_places c on c.street_id = e.street_id and c.id = e.compound_id
        where e.street_id = ${q.streetId} and c.path like ${`${q.placePath}%`} and e.status <> 'dismissed'
          and e.created_at < ${q.at} and e.due_at < ${q.at} and (e.resolved_at is null or e.resolved_at >= ${q.at})
        order by e.due_at, e.id
        limit ${q.limit}`.execute(read(db));
      return watchPage(rows.rows, (r) => ({
        id: r.id,
        title: r.location ? `${r.category} · ${r.location}` : r.category,
        place: r.place,
        holder: null,
        since: r.since,
        due: r.due,
        link: `/grid/events/${r.id}`,
      }));
    },
  },
];
