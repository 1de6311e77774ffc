import { sql } from 'kysely';
import { type FigureDefinition, dayBefore, rollUp } from '../../kernel/figures/figures.ts';
import { residentAccountRooms } from '../registry/index.ts';
import { read } from './notices.db.ts';

/**
 * Notices' reach over a month (the read counts and reach the notices list shows, summed): for each
 * notice published in the month, the resident accounts living under its place (its reach) and those
 * who opened it by the month's end. A place's parts count the residents living under that place: a
 * street-wide notice read in one compound counts there. Residents as the registry has them on the
 * month's last day.
 */
export const noticesFigures: FigureDefinition[] = [
  {
    key: 'notices.reach',
    name: { zh: '公告触达率', en: 'Notice reach' },
    definition: {
      zh: '当月发布的公告中，应收居民（公告所在地点下的居民账号）已阅读的比例，按公告与居民逐一计',
      en: 'Of the residents each notice published in the month reached (resident accounts under its place), the share who read it; counted per notice and resident',
    },
    numerator: { zh: '已读（公告×居民）', en: 'Read (notice × resident)' },
    denominator: { zh: '应收（公告×居民）', en: 'Reached (notice × resident)' },
    unit: 'percent',
    placeKinds: ['street', 'community', 'grid', 'compound'],
    async count(db, at) {
      const residents = await residentAccountRooms(db, at.streetId, dayBefore(at.to));
      if (!residents.length) return [];
      const rows = await sql<{ placeId: string; numerator: number; denominator: number }>`
        select up.place_id as "placeId",
          count(distinct (n.id, ra.account_id)) filter (where exists (
            select 1 from ntc_reads r where r.street_id = n.street_id and r.notice_id = n.id and r.account_id = ra.account_id and r.read_at < ${at.to}))::int as numerator,
          count(distinct (n.id, ra.account_id))::int as denominator
        from ntc_notices n
        join street_places np on np.street_id = n.street_id and np.id = n.place_id
        join unnest(${residents.map((r) => r.accountId)}::uuid[], ${residents.map((r) => r.roomPath)}::text[]) as ra(account_id, room_path)
          on ra.room_path like np.path || '%'
        ${rollUp('ra.room_path', at)}
        where n.street_id = ${at.streetId} and n.published_at >= ${at.from} and n.published_at < ${at.to}
        group by up.place_id`.execute(read(db));
      return rows.rows;
    },
  },
];
