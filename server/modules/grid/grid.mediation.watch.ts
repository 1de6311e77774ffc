import { sql } from 'kysely';
import { type WatchSource, watchPage } from '../../kernel/figures/watchlist.ts';
import { MEDIATION_CATEGORY_ZH, type MediationCategory } from './grid.mediation.constants.ts';
import { read } from './grid.db.ts';

/**
 * The monthly dispatch's list of mediation cases past their time limit and not closed at its moment, the longest
 * overdue first. Named by number and kind of dispute only: the parties are the mediators' alone.
 */
export const mediationWatch: WatchSource[] = [
  {
    key: 'grid.overdue_mediation',
    title: { zh: '超期未结调解案件', en: 'Mediation cases past their time limit' },
    definition: { zh: '统计时点已超过调解期限仍未结案的人民调解案件', en: "People's mediation cases past their time limit and not closed when counted" },
    list: async (db, q) => {
      const rows = await sql<{ id: string; no: string; category: MediationCategory; place: string; since: Date; due: Date; total: number }>`
        select m.id, m.no, m.category, p.name as place, m.opened_at as since, m.due_at as due, count(*) over ()::int as total
        from grid_mediation_cases m
        join street_places p on p.street_id = m.street_id and p.id = m.place_id
        where m.street_id = ${q.streetId} and p.path like ${`${q.placePath}%`}
          and m.opened_at < ${q.at} and m.due_at < ${q.at} and (m.closed_at is null or m.closed_at >= ${q.at})
        order by m.due_at, m.id
        limit ${q.limit}`.execute(read(db));
      return watchPage(rows.rows, (r) => ({
        id: r.id,
        title: `${r.no} ${MEDIATION_CATEGORY_ZH[r.category] ?? r.category}`,
        place: r.place,
        holder: null,
        since: r.since,
        due: r.due,
        link: `/grid/mediation/${r.id}`,
      }));
    },
  },
];
