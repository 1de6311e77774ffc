import type { Kernel } from '../../kernel/context.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Locale } from '../../kernel/errors.ts';
import { pagePlace, type PublicPage, type PublicPayload } from '../../kernel/public/public-pages.ts';
import { read } from './supervision.db.ts';

const score = (centi: number) => (centi / 100).toFixed(2);

/**
 * A street's published red and black list of a quarter (the posted PDF's QR code opens it): the companies on each
 * list with their grade and score, the clause of the street's rules that put them there, the appeal window, and the
 * entries an upheld appeal removed, with the decision. Company names, grades, rules and the quarter only — no
 * person: not who published, appealed or decided.
 */
export async function listPublicPayload(kernel: Kernel, publicationId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const p = await db.selectFrom('sup_list_publications').selectAll().where('id', '=', publicationId).executeTakeFirst();
  if (!p) return null;
  const street = await pagePlace(db, p.street_id, 'street');
  if (!street) return null;
  const entries = await db
    .selectFrom('sup_list_entries as e')
    .leftJoin('sup_list_appeals as a', (j) => j.onRef('a.street_id', '=', 'e.street_id').onRef('a.entry_id', '=', 'e.id'))
    .select(['e.company_name', 'e.list', 'e.grade', 'e.score_centi', 'e.appeal_until', 'e.removed_at', 'a.status', 'a.decision_reasons', 'a.decided_at'])
    .where('e.street_id', '=', p.street_id)
    .where('e.publication_id', '=', p.id)
    .orderBy('e.score_centi', 'desc')
    .orderBy('e.company_name')
    .execute();
  const en = locale === 'en';
  const red = entries.filter((e) => e.list === 'red');
  const black = entries.filter((e) => e.list === 'black' && !e.removed_at);
  const removed = entries.filter((e) => e.list === 'black' && e.removed_at);
  const appealState = (e: (typeof entries)[number]) =>
    e.status === 'rejected'
      ? en
        ? 'Appeal rejected'
        : '申诉已驳回'
      : e.status === 'pending'
        ? en
          ? 'Appeal under review'
          : '申诉处理中'
        : en
          ? `Appeal until ${chinaDay(e.appeal_until!)}`
          : `申诉期至 ${chinaDay(e.appeal_until!)}`;
  const changed = [p.published_at, ...entries.flatMap((e) => (e.decided_at ? [e.decided_at] : []))].reduce((a, b) => (b > a ? b : a));
  return {
    title: en ? `Red and black list of property companies, ${street.name}` : `${street.name}物业服务企业红黑榜`,
    subtitle: en ? `${p.period} · credit grades as of ${chinaDay(p.as_of)}` : `${p.period} · 信用等级截至 ${chinaDay(p.as_of)}`,
    place: street.label,
    updatedAt: changed.toISOString(),
    sections: [
      {
        kind: 'facts',
        facts: [
          { label: en ? 'Quarter' : '季度', value: p.period },
          { label: en ? 'Published' : '公布日期', value: chinaDay(p.published_at) },
          { label: en ? 'Red list' : '红榜', value: en ? `${red.length} companies` : `${red.length} 家` },
          { label: en ? 'Black list' : '黑榜', value: en ? `${black.length} companies` : `${black.length} 家` },
        ],
      },
      { kind: 'text', heading: en ? 'Red list: the rule' : '红榜依据', text: p.rules.redBasis },
      {
        kind: 'table',
        heading: en ? 'Red list' : '红榜',
        columns: en ? ['Company', 'Grade', 'Credit score'] : ['物业服务企业', '信用等级', '信用分'],
        rows: red.map((e) => [e.company_name, e.grade, score(e.score_centi)]),
      },
      { kind: 'text', heading: en ? 'Black list: the rule' : '黑榜依据', text: p.rules.blackBasis },
      {
        kind: 'table',
        heading: en ? 'Black list' : '黑榜',
        columns: en ? ['Company', 'Grade', 'Credit score', 'Appeal'] : ['物业服务企业', '信用等级', '信用分', '申诉'],
        rows: black.map((e) => [e.company_name, e.grade, score(e.score_centi), appealState(e)]),
      },
      {
        kind: 'list',
        heading: en ? 'Removed from the black list on appeal' : '经申诉移出黑榜',
        empty: en ? 'None' : '无',
        items: removed.map((e) => ({
          title: `${e.company_name} · ${e.grade}`,
          meta: en ? `Appeal upheld ${chinaDay(e.removed_at!)}` : `申诉成立 ${chinaDay(e.removed_at!)}`,
          text: e.decision_reasons ?? undefined,
        })),
      },
    ],
  };
}

export const listPublicPage: PublicPage = {
  key: 'supervision.credit-list',
  title: { 'zh-CN': '物业服务企业红黑榜', en: 'Red and black list of property companies' },
  param: 'id',
  cacheSeconds: 60,
  load: (kernel, { id, locale }) => (id ? listPublicPayload(kernel, id, locale) : Promise.resolve(null)),
  async sampleIds(kernel) {
    return (await read(kernel).selectFrom('sup_list_publications').select('id').orderBy('published_at', 'desc').limit(3).execute()).map((r) => r.id);
  },
};
