import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { organisationNames } from '../../registry/index.ts';
import { collectionRate, collectionRateAll } from '../fees.arrears.figures.ts';
import { read } from '../fees.db.ts';
import type { CollectionQuery } from '../fees.arrears.schemas.ts';
import { arrearsScope } from './arrears-scope.ts';

export interface RateRow {
  id: string;
  name: string;
  month: string;
  paidFen: number;
  billedFen: number;
  paidAllFen: number;
  owedAllFen: number;
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * 收缴率 per compound and per property company, month by month over [from, to] (months, at most 24), by the same
 * counts as the figures (fees.arrears.figures.ts), under a place the actor reads figures of. A company's parts
 * are the sums of its compounds' (the company serving each compound on its latest bill).
 */
export async function getCollectionRates(ctx: Ctx, q: CollectionQuery) {
  const { place, streetId } = await arrearsScope(ctx, q.placeId, 'figures', 'figures');
  const months: string[] = [];
  for (let m = q.from; m <= q.to && months.length < 24; m = nextMonth(m)) months.push(m);
  const db = read(ctx);
  const compounds = await db
    .selectFrom('street_places as c')
    .select(['c.id', 'c.name', 'c.path'])
    .select(sql<string | null>`(select b.company_id from fee_bills b where b.street_id = c.street_id and b.compound_id = c.id order by b.period_start desc limit 1)`.as('companyId'))
    .where('c.street_id', '=', streetId)
    .where('c.kind', '=', 'compound')
    .where('c.path', 'like', `${place.path}%`)
    .orderBy('c.name')
    .execute();
  const companyNames = await organisationNames(db, compounds.flatMap((c) => (c.companyId ? [c.companyId] : [])));
  const byCompound: RateRow[] = [];
  for (const month of months) {
    const at = { streetId, from: monthStart(month), to: monthStart(nextMonth(month)), placeKinds: ['compound'] as const };
    const [one, all] = await Promise.all([collectionRate(db, at), collectionRateAll(db, at)]);
    for (const c of compounds) {
      const a = one.find((r) => r.placeId === c.id);
      const b = all.find((r) => r.placeId === c.id);
      byCompound.push({ id: c.id, name: c.name, month, paidFen: a?.numerator ?? 0, billedFen: a?.denominator ?? 0, paidAllFen: b?.numerator ?? 0, owedAllFen: b?.denominator ?? 0 });
    }
  }
  const byCompany = new Map<string, RateRow>();
  for (const r of byCompound) {
    const companyId = compounds.find((c) => c.id === r.id)?.companyId;
    if (!companyId) continue;
    const key = `${companyId}|${r.month}`;
    const t = byCompany.get(key) ?? { id: companyId, name: companyNames.get(companyId) ?? '', month: r.month, paidFen: 0, billedFen: 0, paidAllFen: 0, owedAllFen: 0 };
    t.paidFen += r.paidFen;
    t.billedFen += r.billedFen;
    t.paidAllFen += r.paidAllFen;
    t.owedAllFen += r.owedAllFen;
    byCompany.set(key, t);
  }
  return { placeId: place.id, placeName: place.name, months, compounds: byCompound, companies: [...byCompany.values()] };
}

/** Basis points (1 = 0.01 %), rounded half up in integers; null without a denominator. */
export const rateBp = (num: number, den: number) => (den === 0 ? null : Math.floor((num * 10000 * 2 + den) / (2 * den)));
const pct = (num: number, den: number) => {
  const bp = rateBp(num, den);
  return bp === null ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
};
const y = (fen: number) => (fen / 100).toFixed(2);

export async function exportCollectionRatesXlsx(ctx: Ctx, q: CollectionQuery) {
  const r = await getCollectionRates(ctx, q);
  const wb = new ExcelJS.Workbook();
  for (const [title, list] of [
    ['按小区', r.compounds],
    ['按物业企业', r.companies],
  ] as const) {
    const sheet = wb.addWorksheet(title);
    sheet.addRow([`${r.placeName} 物业费收缴率（${q.from} 至 ${q.to}）`]).font = { bold: true, size: 13 };
    sheet.addRow([title === '按小区' ? '小区' : '物业企业', '月份', '账期内已缴（元）', '应缴（元）', '收缴率', '当月已缴（元）', '月初尚欠（元）', '综合收缴率（含陈欠）']).font = { bold: true };
    for (const x of list) sheet.addRow([x.name, x.month, y(x.paidFen), y(x.billedFen), pct(x.paidFen, x.billedFen), y(x.paidAllFen), y(x.owedAllFen), pct(x.paidAllFen, x.owedAllFen)]);
    sheet.columns = [{ width: 18 }, { width: 10 }, { width: 16 }, { width: 14 }, { width: 10 }, { width: 16 }, { width: 16 }, { width: 18 }];
  }
  return { fileName: `收缴率-${q.from}-${q.to}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
