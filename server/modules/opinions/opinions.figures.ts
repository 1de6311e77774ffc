import { sql } from 'kysely';
import { type FigureDefinition, rollUp } from '../../kernel/figures/figures.ts';
import { read } from './opinions.db.ts';

/**
 * Opinions answered: of the posts made in the month (hidden ones aside: moderation took them out of
 * the addressee's inbox), those the addressee answered by the month's end. A post counts at the
 * compound it was made in and every place above it.
 */
export const opinionsFigures: FigureDefinition[] = [
  {
    key: 'opinions.answered',
    name: { zh: '意见答复率', en: 'Opinions answered' },
    definition: {
      zh: '当月提交的意见和投诉（不含已屏蔽）中，至月底已答复的比例',
      en: 'Of the opinions and complaints posted in the month (hidden ones aside), the share answered by the month’s end',
    },
    numerator: { zh: '已答复', en: 'Answered' },
    denominator: { zh: '当月提交', en: 'Posted in the month' },
    unit: 'percent',
    placeKinds: ['street', 'community', 'grid', 'compound'],
    async count(db, at) {
      const rows = await sql<{ placeId: string; numerator: number; denominator: number }>`
        select up.place_id as "placeId", count(*) filter (where o.answered_at < ${at.to})::int as numerator, count(*)::int as denominator
        from op_opinions o
        join street_places p on p.street_id = o.street_id and p.id = o.place_id
        ${rollUp('p.path', at)}
        where o.street_id = ${at.streetId} and o.created_at >= ${at.from} and o.created_at < ${at.to}
          and (o.hidden_at is null or o.hidden_at >= ${at.to})
        group by up.place_id`.execute(read(db));
      return rows.rows;
    },
  },
];
