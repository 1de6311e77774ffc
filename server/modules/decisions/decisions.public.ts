import type { Kernel } from '../../kernel/context.ts';
import type { Locale } from '../../kernel/errors.ts';
import type { PublicPage, PublicPayload } from '../../kernel/public/public-pages.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { MATTER_LABELS } from './decisions.constants.ts';
import { read } from './decisions.db.ts';
import { itemsOf, loadDecisionRow } from './decisions.repository.ts';
import { boardPayload } from './use-cases/board.ts';
import type { ItemTally, Tally } from './tally.ts';

/**
 * A published decision's result (表决结果公示), for the lobby and for anyone who scans the printed notice's QR
 * code: the roll's totals, who took part, and per item the counts by area and heads, the threshold and the
 * result — the Civil Code tally as the legal result, the rules' 从众 tally beside it when the rules have one.
 * No names, no rooms, no one's choice.
 */
const T = {
  'zh-CN': {
    title: (t: string) => `表决结果公示：${t}`,
    organiser: '组织方',
    kinds: { owners_committee: '业主委员会', preparatory_group: '业主大会筹备组', residents_committee: '居民委员会' } as Record<string, string>,
    period: '表决期间',
    roll: '名册总数',
    tookPart: '参与表决',
    heads: (n: number) => `${n} 人`,
    area: (c: number) => `${(c / 100).toFixed(2)} m²`,
    legal: '《民法典》第二百七十八条计票（法定结果）',
    adjusted: (c: string) => `按议事规则“未表决视为同意多数意见”计票（${c}，仅供参考，不作为法定结果）`,
    columns: ['事项', '类别', '规则', '参与（人/m²）', '同意（人/m²）', '反对（人/m²）', '弃权（人/m²）', '结果'],
    majority: '过半数',
    threeQuarters: '¾以上',
    passed: '通过',
    failed: '未通过',
    noQuorum: '未通过（参与表决不足⅔）',
    note: '人数按专有部分计算：建设单位未售及已售未交付的房屋合计为一人，同一买受人拥有多个专有部分的按一人计算。参与表决须达到专有部分面积和人数的三分之二以上。',
  },
  en: {
    title: (t: string) => `Result: ${t}`,
    organiser: 'Organised by',
    kinds: { owners_committee: "Owners' committee", preparatory_group: "Owners' assembly preparatory group", residents_committee: "Residents' committee" } as Record<string, string>,
    period: 'Voting period',
    roll: 'On the roll',
    tookPart: 'Took part',
    heads: (n: number) => `${n} owners`,
    area: (c: number) => `${(c / 100).toFixed(2)} m²`,
    legal: 'Civil Code art. 278 tally (the legal result)',
    adjusted: (c: string) => `Counted with non-voters following the majority, as the rules say (${c}; for reference only, not the legal result)`,
    columns: ['Item', 'Matter', 'Threshold', 'Took part', 'For', 'Against', 'Abstain', 'Result'],
    majority: '> ½',
    threeQuarters: '≥ ¾',
    passed: 'Passed',
    failed: 'Not passed',
    noQuorum: 'Not passed (fewer than ⅔ took part)',
    note: "Heads count per exclusive part: the developer's unsold and undelivered parts count as one owner together, and one buyer with several parts counts once. At least two thirds of the area and of the owners must take part.",
  },
} satisfies Record<Locale, unknown>;

async function resultPayload(kernel: Kernel, id: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const d = await loadDecisionRow(db, id);
  if (!d || d.status !== 'published') return null;
  const t = T[locale];
  const items = await itemsOf(db, d.street_id, d.id);
  const result = d.result as Tally;
  const pair = (s: { heads: number; areaCenti: number }) => `${s.heads} / ${(s.areaCenti / 100).toFixed(2)}`;
  const rows = (list: ItemTally[]) =>
    list.map((i) => [
      // An election's items are its candidates: a page anyone may open names none of them, only their ballot number.
      d.kind === 'election' ? (locale === 'en' ? `Candidate no. ${i.no}` : `${i.no}号候选人`) : `${i.no}. ${items.find((x) => x.no === i.no)?.title ?? ''}`,
      MATTER_LABELS[i.matter]![locale],
      i.threshold === 'three_quarters' ? t.threeQuarters : t.majority,
      pair(i.participating),
      pair(i.for),
      pair(i.against),
      pair(i.abstain),
      i.passed ? t.passed : i.quorum.met ? t.failed : t.noQuorum,
    ]);
  return {
    title: t.title(d.title),
    place: d.place_label,
    updatedAt: (d.published_at ?? d.updated_at).toISOString(),
    sections: [
      {
        kind: 'facts',
        facts: [
          { label: t.organiser, value: t.kinds[d.organiser_kind] ?? d.organiser_kind },
          { label: t.period, value: `${d.opens_at ? chinaDay(d.opens_at) : ''} — ${d.closed_at ? chinaDay(d.closed_at) : ''}` },
          { label: t.roll, value: `${t.heads(result.totals.heads)}，${t.area(result.totals.areaCenti)}` },
          { label: t.tookPart, value: `${t.heads(result.participating.heads)}，${t.area(result.participating.areaCenti)}` },
        ],
      },
      { kind: 'table', heading: t.legal, columns: t.columns, rows: rows(result.items) },
      ...(result.adjusted ? [{ kind: 'table' as const, heading: t.adjusted(result.adjusted.clause), columns: t.columns, rows: rows(result.adjusted.items) }] : []),
      { kind: 'text', text: t.note },
    ],
  };
}

export const decisionsPublicPages: PublicPage[] = [
  {
    key: 'decisions.board',
    title: { 'zh-CN': '表决公示板', en: 'Public board of a vote' },
    param: 'id',
    cacheSeconds: 30,
    load: (kernel, at) => boardPayload(kernel, at.id!, at.locale),
    sampleIds: async (kernel) => (await read(kernel).selectFrom('dec_decisions').select('id').where('manifest_hash', 'is not', null).limit(3).execute()).map((r) => r.id),
  },
  {
    key: 'decisions.result',
    title: { 'zh-CN': '表决结果公示', en: 'Decision result' },
    param: 'id',
    load: (kernel, at) => resultPayload(kernel, at.id!, at.locale),
    sampleIds: async (kernel) => (await read(kernel).selectFrom('dec_decisions').select('id').where('status', '=', 'published').limit(3).execute()).map((r) => r.id),
  },
];
