import type { Kernel } from '../../../kernel/context.ts';
import type { PublicPage, PublicPayload } from '../../../kernel/public/public-pages.ts';
import { pagePlace } from '../../../kernel/public/public-pages.ts';
import type { Locale } from '../../../kernel/errors.ts';
import { read } from '../supervision.db.ts';
import { STAR_TYPE_ZH, STARS_PUBLIC_PAGE, type StarType } from '../supervision.stars.constants.ts';
import { currentStars } from './list-compound-stars.ts';

const TYPE_EN: Record<StarType, string> = { leading: 'Demonstration-leading', developing: 'Benign development', maintaining: 'Bottom-line maintenance' };
const starsText = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

/**
 * A street's 有礼小区 star list (to post with its QR code): each compound with a confirmed star, its stars, type
 * and the quarter it was assessed in. Only compounds and figures — no person, no score detail.
 */
export async function starsPublicPayload(kernel: Kernel, streetId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const street = await pagePlace(db, streetId, 'street');
  if (!street) return null;
  const rows = await db
    .selectFrom(currentStars(db).as('s'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
    .select(['c.name', 's.stars', 's.type', 's.period', 's.confirmed_at'])
    .where('s.street_id', '=', streetId)
    .orderBy('s.stars', 'desc')
    .orderBy('c.name')
    .execute();
  if (!rows.length) return null;
  const en = locale === 'en';
  const latest = rows.reduce((a, r) => (r.confirmed_at > a ? r.confirmed_at : a), rows[0]!.confirmed_at);
  const count = (min: number, max: number) => rows.filter((r) => r.stars >= min && r.stars <= max).length;
  return {
    title: en ? `有礼小区 stars of ${street.name}` : `${street.name} 有礼小区星级公示`,
    subtitle: en ? 'Three types, five stars: scored by a third-party assessor on 54 indicators, confirmed by the street' : '三类五星：第三方评估 54 项指标评分，街道审核确认',
    place: street.label,
    updatedAt: latest.toISOString(),
    sections: [
      {
        kind: 'facts',
        heading: en ? 'Compounds by type' : '各类型小区数',
        facts: [
          { label: en ? TYPE_EN.leading : `${STAR_TYPE_ZH.leading}（五星）`, value: String(count(5, 5)) },
          { label: en ? TYPE_EN.developing : `${STAR_TYPE_ZH.developing}（四星、三星）`, value: String(count(3, 4)) },
          { label: en ? TYPE_EN.maintaining : `${STAR_TYPE_ZH.maintaining}（二星、一星）`, value: String(count(1, 2)) },
        ],
      },
      {
        kind: 'table',
        heading: en ? 'Compounds' : '小区星级',
        // Four columns: the list is read on a phone (the QR code on the notice board).
        columns: en ? ['Compound', 'Stars', 'Type', 'Assessed'] : ['小区', '星级', '类型', '评定季度'],
        rows: rows.map((r) => [r.name, starsText(r.stars), en ? TYPE_EN[r.type] : STAR_TYPE_ZH[r.type], r.period]),
      },
    ],
  };
}

export const starsPublicPage: PublicPage = {
  key: STARS_PUBLIC_PAGE,
  title: { 'zh-CN': '有礼小区星级公示', en: '有礼小区 stars' },
  param: 'id',
  cacheSeconds: 60,
  load: (kernel, { id, locale }) => (id ? starsPublicPayload(kernel, id, locale) : Promise.resolve(null)),
  async sampleIds(kernel) {
    return (await read(kernel).selectFrom('sup_compound_stars').select('street_id').distinct().limit(3).execute()).map((r) => r.street_id);
  },
};
