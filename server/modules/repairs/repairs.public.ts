import { sql } from 'kysely';
import { chinaDay } from '../../kernel/clock.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { Locale } from '../../kernel/errors.ts';
import { pagePlace, type PublicPage, type PublicPayload } from '../../kernel/public/public-pages.ts';
import { compoundServices } from '../registry/index.ts';
import { CATEGORIES, type Category } from './repairs.constants.ts';
import { read } from './repairs.db.ts';

/**
 * A compound's repair service 公示 (kernel/public/public-pages.ts), for the lobby: this month's orders
 * reported and finished, the share finished within the time limit, and the residents' average rating,
 * overall and by category. Counts only: no order's text, place, reporter or worker.
 */

const T = {
  'zh-CN': {
    title: (c: string) => `${c} 报修服务公示`,
    month: (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`,
    company: '物业服务企业',
    period: '统计月份',
    reported: '本月报修',
    finished: '已完成',
    open: '处理中',
    onTime: '按时完成率',
    rating: '平均满意度（5 分制）',
    byCategory: '按类别',
    columns: ['类别', '报修', '完成', '按时完成率', '满意度'],
    none: '—',
    category: { water: '给排水', electric: '电路照明', elevator: '电梯', doors: '门窗门禁', facility: '公共设施', environment: '环境卫生', other: '其他' } as Record<Category, string>,
    note: '统计本月报修的工单（居民撤回的除外）。按时完成：在本小区约定的时限内完成维修。满意度：居民评价的平均分。',
  },
  en: {
    title: (c: string) => `${c}: repair service`,
    month: (m: string) => m,
    company: 'Property company',
    period: 'Month',
    reported: 'Reported this month',
    finished: 'Finished',
    open: 'In progress',
    onTime: 'Finished on time',
    rating: 'Average rating (out of 5)',
    byCategory: 'By category',
    columns: ['Category', 'Reported', 'Finished', 'On time', 'Rating'],
    none: '—',
    category: {
      water: 'Water & drains',
      electric: 'Electricity & lights',
      elevator: 'Elevator',
      doors: 'Doors & access',
      facility: 'Common facilities',
      environment: 'Cleaning & greenery',
      other: 'Other',
    } as Record<Category, string>,
    note: "Orders reported this month (those withdrawn by residents excluded). On time: finished within the compound's agreed time limit. Rating: residents' average.",
  },
} satisfies Record<Locale, unknown>;

interface Counts {
  reported: number;
  finished: number;
  onTime: number;
  rated: number;
  ratingSum: number;
}

/** A share as a whole percent ("87%"), integer arithmetic; "—" when there is nothing to divide. */
const percent = (part: number, whole: number) => (whole ? `${Math.round((part * 100) / whole)}%` : null);
/** An average rating to one decimal ("4.6"), from integer sums. */
const average = (sum: number, n: number) => (n ? (Math.round((sum * 10) / n) / 10).toFixed(1) : null);

/** The calendar month in China containing `at`: its first instant and the next month's. */
export function chinaMonth(at: Date): { month: string; from: Date; to: Date } {
  const month = chinaDay(at).slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { month, from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

async function servicePayload(kernel: Kernel, compoundId: string, locale: Locale): Promise<PublicPayload | null> {
  const db = read(kernel);
  const compound = await pagePlace(db, compoundId, 'compound');
  if (!compound) return null;
  const L = T[locale];
  const { month, from, to } = chinaMonth(kernel.clock.now());
  const rows = await db
    .selectFrom('rep_orders as o')
    .select([
      'o.category',
      sql<number>`count(*)`.as('reported'),
      sql<number>`count(o.finished_at)`.as('finished'),
      sql<number>`count(*) filter (where o.finished_at <= o.complete_by)`.as('onTime'),
      sql<number>`count(o.rating)`.as('rated'),
      sql<number>`coalesce(sum(o.rating), 0)`.as('ratingSum'),
    ])
    .where('o.compound_id', '=', compoundId)
    .where('o.status', '<>', 'cancelled')
    .where('o.reported_at', '>=', from)
    .where('o.reported_at', '<', to)
    .groupBy('o.category')
    .execute();
  const byCategory = new Map<Category, Counts>(
    rows.map((r) => [r.category, { reported: Number(r.reported), finished: Number(r.finished), onTime: Number(r.onTime), rated: Number(r.rated), ratingSum: Number(r.ratingSum) }]),
  );
  const all: Counts = { reported: 0, finished: 0, onTime: 0, rated: 0, ratingSum: 0 };
  for (const c of byCategory.values()) for (const k of Object.keys(all) as (keyof Counts)[]) all[k] += c[k];
  const company = (await compoundServices(db, compoundId)).propertyCompany;
  return {
    title: L.title(compound.name),
    subtitle: L.month(month),
    place: compound.label ?? compound.name,
    updatedAt: kernel.clock.now().toISOString(),
    sections: [
      {
        kind: 'facts',
        facts: [
          ...(company ? [{ label: L.company, value: company.name }] : []),
          { label: L.period, value: L.month(month) },
          { label: L.reported, value: String(all.reported) },
          { label: L.finished, value: String(all.finished) },
          { label: L.open, value: String(all.reported - all.finished) },
          { label: L.onTime, value: percent(all.onTime, all.finished) ?? L.none },
          { label: L.rating, value: average(all.ratingSum, all.rated) ?? L.none },
        ],
      },
      {
        kind: 'table',
        heading: L.byCategory,
        columns: L.columns,
        rows: CATEGORIES.filter((c) => byCategory.has(c)).map((c) => {
          const n = byCategory.get(c)!;
          return [L.category[c], n.reported, n.finished, percent(n.onTime, n.finished), average(n.ratingSum, n.rated)];
        }),
      },
      { kind: 'text', text: L.note },
    ],
  };
}

export const repairsPublicPages: PublicPage[] = [
  {
    key: 'repairs.service',
    title: { 'zh-CN': '报修服务公示', en: 'Repair service' },
    param: 'id',
    // Figures move slowly and a lobby scans the same code: five minutes is fresh enough.
    cacheSeconds: 300,
    load: (kernel, { id, locale }) => servicePayload(kernel, id!, locale),
    sampleIds: async (kernel) =>
      (await read(kernel).selectFrom('street_places').select('id').where('kind', '=', 'compound').orderBy('name').limit(6).execute()).map((r) => r.id),
  },
];
