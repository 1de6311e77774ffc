import { sql } from 'kysely';
import { type WatchSource, watchPage } from '../../kernel/figures/watchlist.ts';
import { read } from './supervision.db.ts';

/** The monthly dispatch's list of rectification notices still open at its moment, the nearest deadline first (overdue ones lead). */
export const rectificationWatch: WatchSource[] = [
  {
    key: 'supervision.open_notices',
    title: { zh: '未销号整改通知', en: 'Open rectification notices' },
    definition: { zh: '统计时点已下发、尚未销号的整改通知单，按整改期限先后排列', en: 'Rectification notices issued and not closed when counted, the nearest deadline first' },
    list: async (db, q) => {
      const rows = await sql<{ id: string; no: string; title: string; place: string; holder: string; since: Date; due: Date; total: number }>`
        select n.id, n.no, n.title, c.name as place, n.company_name as holder, n.issued_at as since, n.due_at as due, count(*) over ()::int as total
        from sup_notices n
        join street_places c on c.street_id = n.street_id and c.id = n.compound_id
        where n.street_id = ${q.streetId} and c.path like ${`${q.placePath}%`}
          and n.issued_at < ${q.at} and (n.closed_at is null or n.closed_at >= ${q.at})
        order by n.due_at, n.id
        limit ${q.limit}`.execute(read(db));
      return watchPage(rows.rows, (r) => ({ id: r.id, title: `${r.no} ${r.title}`, place: r.place, holder: r.holder, since: r.since, due: r.due, link: `/supervision/notices/${r.id}` }));
    },
  },
];
