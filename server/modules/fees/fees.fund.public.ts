import type { Kernel } from '../../kernel/context.ts';
import type { PublicPage, PublicPayload } from '../../kernel/public/public-pages.ts';
import { pagePlace } from '../../kernel/public/public-pages.ts';
import type { Locale } from '../../kernel/errors.ts';
import { read } from './fees.db.ts';
import type { FundPublishedUse } from './fees.fund.constants.ts';

const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** How a use's basis reads on the notice board and the public page. */
export function basisText(u: FundPublishedUse, en: boolean): string {
  return u.basis.kind === 'decision'
    ? en
      ? `Owners' decision: ${u.basis.title}`
      : `业主共同决定：${u.basis.title}`
    : en
      ? `Emergency use (${u.basis.day}, certified by ${u.basis.certifiedBy}): ${u.basis.what}`
      : `紧急使用（${u.basis.day}，${u.basis.certifiedBy}认定）：${u.basis.what}`;
}

/**
 * A compound's published maintenance-fund quarters (the notice board's QR code opens it): per quarter the
 * opening balance, raised, interest, used and closing balance, and the uses of the latest quarters with their
 * basis. Only what was published; no room, no name — a use's amount, date, purpose and what allowed it.
 */
export async function fundPublicPayload(kernel: Kernel, compoundId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const place = await pagePlace(db, compoundId, 'compound');
  if (!place) return null;
  const rows = await db
    .selectFrom('fee_fund_publications')
    .select(['quarter', 'opening_fen', 'raised_fen', 'interest_fen', 'used_fen', 'refunded_fen', 'closing_fen', 'uses', 'published_at'])
    .where('compound_id', '=', compoundId)
    .orderBy('quarter', 'desc')
    .limit(8)
    .execute();
  if (!rows.length) return null;
  const en = locale === 'en';
  const uses = rows.slice(0, 4).flatMap((r) => r.uses.map((u) => ({ u, quarter: r.quarter })));
  return {
    title: en ? `Maintenance fund of ${place.name}` : `${place.name} 专项维修资金公示`,
    subtitle: en ? `Published quarterly (Civil Code art. 281); latest ${rows[0]!.quarter}` : `按季度公示（民法典第二百八十一条），最近一期 ${rows[0]!.quarter}`,
    place: place.label,
    updatedAt: rows[0]!.published_at.toISOString(),
    sections: [
      { kind: 'facts', heading: en ? 'Balance' : '余额', facts: [{ label: en ? `Closing balance ${rows[0]!.quarter} (yuan)` : `${rows[0]!.quarter} 期末余额（元）`, value: yuan(Number(rows[0]!.closing_fen)) }] },
      {
        kind: 'table',
        heading: en ? 'Quarters (yuan)' : '各季度收支（元）',
        columns: en ? ['Quarter', 'Opening', 'Raised', 'Interest', 'Used', 'Returned', 'Closing'] : ['季度', '期初余额', '交存', '利息', '使用', '退还', '期末余额'],
        rows: rows.map((r) => [r.quarter, yuan(Number(r.opening_fen)), yuan(Number(r.raised_fen)), yuan(Number(r.interest_fen)), yuan(Number(r.used_fen)), yuan(Number(r.refunded_fen)), yuan(Number(r.closing_fen))]),
      },
      {
        kind: 'list',
        heading: en ? 'Uses and what allowed them' : '使用明细及依据',
        empty: en ? 'No use in the published quarters' : '公示期内没有使用',
        items: uses.map(({ u, quarter }) => ({ title: `${u.summary || (en ? 'Use' : '使用')} · ¥${yuan(u.amountFen)}`, meta: `${quarter} · ${u.day}`, text: basisText(u, en) })),
      },
    ],
  };
}

export const fundPublicPage: PublicPage = {
  key: 'fees.fund',
  title: { 'zh-CN': '专项维修资金公示', en: 'Maintenance fund' },
  param: 'id',
  cacheSeconds: 60,
  load: (kernel, { id, locale }) => (id ? fundPublicPayload(kernel, id, locale) : Promise.resolve(null)),
  async sampleIds(kernel) {
    return (await read(kernel).selectFrom('fee_fund_publications').select('compound_id').distinct().limit(3).execute()).map((r) => r.compound_id);
  },
};
