import { sql, type SqlBool } from 'kysely';
import { chinaDay } from '../../kernel/clock.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { Locale } from '../../kernel/errors.ts';
import { pagePlace, type PublicPage, type PublicPayload } from '../../kernel/public/public-pages.ts';
import type { OpinionKind } from './opinions.constants.ts';
import { read } from './opinions.db.ts';
import { listForResident } from './opinions.repository.ts';
import { maskName } from './use-cases/load-opinion.ts';

/**
 * A compound's public opinions (kernel/public/public-pages.ts): what its residents already see of
 * each other's public posts — the title, the text, the answer and to whom it was addressed — with the
 * poster's name masked (王*) as neighbours see it, and never their room. Hidden posts and private ones
 * are not shown.
 */

/** No person: the repository's "I said me too" column is asked about nobody. */
const NOBODY = '00000000-0000-0000-0000-000000000000';
const BOARD_SIZE = 30;

const T = {
  'zh-CN': {
    title: (c: string) => `${c} 居民意见公示`,
    kind: { suggestion: '意见建议', complaint: '投诉' } as Record<OpinionKind, string>,
    facts: { total: '公开意见', answered: '已答复', meToo: '“我也是”附议' },
    latest: '最新意见',
    none: '暂无公开意见',
    waiting: '待答复',
    meToo: (n: number) => `${n} 人附议`,
    to: (a: string) => `致 ${a}`,
  },
  en: {
    title: (c: string) => `${c}: residents' opinions`,
    kind: { suggestion: 'Suggestion', complaint: 'Complaint' } as Record<OpinionKind, string>,
    facts: { total: 'Public opinions', answered: 'Answered', meToo: '"Me too"s' },
    latest: 'Latest',
    none: 'No public opinions yet',
    waiting: 'Awaiting an answer',
    meToo: (n: number) => `${n} said me too`,
    to: (a: string) => `To ${a}`,
  },
} satisfies Record<Locale, unknown>;

async function boardPayload(kernel: Kernel, compoundId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const compound = await pagePlace(db, compoundId, 'compound');
  if (!compound) return null;
  const L = T[locale];
  const shown = sql<SqlBool>`(o.visibility = 'public' and o.hidden_at is null and o.place_id = ${compoundId})`;
  const page = await listForResident(db, { page: 1, pageSize: BOARD_SIZE }, shown, NOBODY);
  const totals = await db
    .selectFrom('op_opinions as o')
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`count(o.answered_at)`.as('answered'),
      sql<number>`(select count(*) from op_me_too m join op_opinions x on x.id = m.opinion_id where x.place_id = ${compoundId} and x.visibility = 'public' and x.hidden_at is null)`.as('meToo'),
    ])
    .where(shown)
    .executeTakeFirstOrThrow();
  const latest = page.items.reduce((at, o) => Math.max(at, new Date(o.answered_at ?? o.created_at).getTime()), 0);
  return {
    title: L.title(compound.name),
    place: compound.label ?? compound.name,
    updatedAt: new Date(latest || kernel.clock.now().getTime()).toISOString(),
    sections: [
      {
        kind: 'facts',
        facts: [
          { label: L.facts.total, value: String(Number(totals.total)) },
          { label: L.facts.answered, value: String(Number(totals.answered)) },
          { label: L.facts.meToo, value: String(Number(totals.meToo)) },
        ],
      },
      {
        kind: 'list',
        heading: L.latest,
        empty: L.none,
        items: page.items.map((o) => ({
          title: o.title,
          text: o.body,
          meta: [L.kind[o.kind], chinaDay(new Date(o.created_at)), o.addressee_name ? L.to(o.addressee_name) : null, Number(o.me_too_count) ? L.meToo(Number(o.me_too_count)) : null, o.answered_at ? null : L.waiting]
            .filter(Boolean)
            .join(' · '),
          by: maskName(o.author_name),
          ...(o.answer ? { reply: o.answer } : {}),
        })),
      },
    ],
  };
}

export const opinionsPublicPages: PublicPage[] = [
  {
    key: 'opinions.board',
    title: { 'zh-CN': '居民意见公示', en: "Residents' opinions" },
    param: 'id',
    load: (kernel, { id, locale }) => boardPayload(kernel, id!, locale),
    // Where the page shows who posted: masked as neighbours see it (use-cases/load-opinion.ts maskName).
    maskedNames: ['sections[].items[].by'],
    sampleIds: async (kernel) =>
      (await read(kernel).selectFrom('op_opinions').select('place_id').where('visibility', '=', 'public').groupBy('place_id').orderBy('place_id').limit(6).execute()).map(
        (r) => r.place_id,
      ),
  },
];
