import { sql } from 'kysely';
import { type WatchSource, watchPage } from '../../kernel/figures/watchlist.ts';
import { read } from './repairs.db.ts';

/** The monthly dispatch's list of repair orders past their completion limit and not finished at its moment, the longest overdue first. */
export const repairsWatch: WatchSource[] = [
  {
    key: 'repairs.overdue_orders',
    title: { zh: '超时未完工报修', en: 'Repair orders past their limit' },
    definition: { zh: '统计时点已超过完成时限仍未完工的报修工单（不含已撤回）', en: 'Repair orders past their completion limit and not finished when counted (withdrawn ones excluded)' },
    list: async (db, q) => {
      const rows = await sql<{ id: string; no: string; description: string; place: string; holder: string | null; since: Date; due: Date; total: number }>`
        select o.id, o.no, o.description, c.name as place, o.assignee_name as holder, o.reported_at as since, o.complete_by as due, count(*) over ()::int as total
        from rep_orders o
        join street_places c on c.street_id = o.street_id and c.id = o.compound_id
        where o.street_id = ${q.streetId} and c.path like ${`${q.placePath}%`} and o.status <> 'cancelled'
          and o.reported_at < ${q.at} and o.complete_by < ${q.at} and (o.finished_at is null or o.finished_at >= ${q.at})
        order by o.complete_by, o.id
        limit ${q.limit}`.execute(read(db));
      return watchPage(rows.rows, (r) => ({
        id: r.id,
        title: `${r.no} ${r.description.length > 24 ? `${r.description.slice(0, 24)}…` : r.description}`,
        place: r.place,
        holder: r.holder,
        since: r.since,
        due: r.due,
        link: `/repairs/orders/${r.id}`,
      }));
    },
  },
];
