import type { Kernel } from '../../kernel/context.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Locale } from '../../kernel/errors.ts';
import { maskName } from '../../kernel/pii/pii.ts';
import { type PublicPage, type PublicPayload, pagePlace } from '../../kernel/public/public-pages.ts';
import { read } from './decisions.db.ts';
import type { FilingOffice } from './decisions.constants.ts';
import type { FilingPackage } from './use-cases/filing-package.ts';
import type { Tally } from './tally.ts';

/**
 * 备案结果: a compound's filed results — the decisions whose filing an office acknowledged, with the result in one
 * line, the office and the day. For an election, who was elected (and the alternates), by masked name as the roll
 * shows names: the public page carries no one's full name. Nothing waiting, submitted or returned shows here.
 */
const T = {
  'zh-CN': {
    title: (place: string) => `${place} 备案结果`,
    heading: '已备案的业主共同决定',
    empty: '暂无已备案的表决结果',
    office: { street_office: '街道办事处', district_housing: '区住房和城乡建设部门' } as Record<FilingOffice, string>,
    filedOn: (office: string, day: string) => `${office} ${day} 确认备案`,
    items: (passed: number, all: number) => `${all} 项事项中 ${passed} 项通过`,
    members: (title: string) => `${title}：当选及候补名单`,
    member: (status: 'elected' | 'alternate', rank: number) => `${status === 'elected' ? '当选' : '候补'}（第 ${rank} 名）`,
    elected: (n: number, alternates: number) => `当选 ${n} 人${alternates ? `，候补 ${alternates} 人` : ''}`,
  },
  en: {
    title: (place: string) => `Filed results: ${place}`,
    heading: "Owners' decisions filed",
    empty: 'No filed results yet',
    office: { street_office: 'Street office', district_housing: 'District housing department' } as Record<FilingOffice, string>,
    filedOn: (office: string, day: string) => `${office}, acknowledged ${day}`,
    items: (passed: number, all: number) => `${passed} of ${all} items passed`,
    members: (title: string) => `${title}: elected and alternates`,
    member: (status: 'elected' | 'alternate', rank: number) => `${status === 'elected' ? 'Elected' : 'Alternate'} (rank ${rank})`,
    elected: (n: number, alternates: number) => `${n} elected${alternates ? `, ${alternates} alternates` : ''}`,
  },
} satisfies Record<Locale, unknown>;

function summaryOf(t: (typeof T)[Locale], result: Tally | null, members: FilingPackage['members']): string {
  if (members) return t.elected(members.filter((m) => m.status === 'elected').length, members.filter((m) => m.status === 'alternate').length);
  const items = result?.items ?? [];
  return t.items(items.filter((i) => i.passed).length, items.length);
}

async function filingsPayload(kernel: Kernel, compoundId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const place = await pagePlace(db, compoundId, 'compound');
  if (!place) return null;
  const t = T[locale];
  const rows = await db
    .selectFrom('dec_filings as f')
    .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'f.street_id').onRef('d.id', '=', 'f.decision_id'))
    .select(['f.id', 'f.office', 'f.acknowledged_at', 'f.package', 'd.id as decision_id', 'd.title', 'd.result'])
    .where('d.compound_id', '=', compoundId)
    .where('f.status', '=', 'acknowledged')
    .orderBy('f.acknowledged_at', 'desc')
    .orderBy('f.id')
    .limit(50)
    .execute();
  const latest = rows.reduce((at, r) => Math.max(at, r.acknowledged_at?.getTime() ?? 0), 0);
  return {
    title: t.title(place.name),
    place: place.label ?? place.name,
    updatedAt: new Date(latest || kernel.clock.now().getTime()).toISOString(),
    sections: [
      {
        kind: 'list',
        heading: t.heading,
        empty: t.empty,
        // One entry per decision, with each office that acknowledged it and when.
        items: [...new Set(rows.map((r) => r.decision_id))].map((id) => {
          const filed = rows.filter((r) => r.decision_id === id);
          const r = filed[0]!;
          return {
            title: r.title,
            text: summaryOf(t, r.result as Tally | null, (r.package as FilingPackage | null)?.members ?? null),
            meta: filed.map((f) => t.filedOn(t.office[f.office], f.acknowledged_at ? chinaDay(f.acknowledged_at) : '')).join(' · '),
            link: `/h5/p/decisions.result/${id}`,
          };
        }),
      },
      // An election's members, each by masked name where the page declares it (maskedNames).
      ...rows.flatMap((r) => {
        const members = (r.package as FilingPackage | null)?.members;
        if (!members?.length || rows.some((o) => o.decision_id === r.decision_id && o.id < r.id)) return [];
        return [
          {
            kind: 'list' as const,
            heading: t.members(r.title),
            items: [...members].sort((a, b) => (a.status === b.status ? a.rank - b.rank : a.status === 'elected' ? -1 : 1)).map((m) => ({ title: t.member(m.status, m.rank), by: maskName(m.name) })),
          },
        ];
      }),
    ],
  };
}

export const filingPublicPages: PublicPage[] = [
  {
    key: 'decisions.filings',
    title: { 'zh-CN': '备案结果', en: 'Filed results' },
    param: 'id',
    load: (kernel, at) => filingsPayload(kernel, at.id!, at.locale),
    maskedNames: ['sections[].items[].by'],
    sampleIds: async (kernel) =>
      (
        await read(kernel)
          .selectFrom('dec_filings as f')
          .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'f.street_id').onRef('d.id', '=', 'f.decision_id'))
          .select('d.compound_id')
          .distinct()
          .where('f.status', '=', 'acknowledged')
          .limit(3)
          .execute()
      ).map((r) => r.compound_id),
  },
];
