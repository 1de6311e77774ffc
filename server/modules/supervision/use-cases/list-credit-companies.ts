import ExcelJS from 'exceljs';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, sortable } from '../../../kernel/pagination.ts';
import type { CreditGrade } from '../supervision.credit.constants.ts';
import type { CreditCompaniesQuery } from '../supervision.credit.schemas.ts';
import { read } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { holdsAnywhere } from '../supervision.policy.ts';
import { companyCreditGrades } from './company-credit-grades.ts';
import { creditStreetsInScope, holdsAtOrInside, visibleCompanies } from './credit-access.ts';

/**
 * The companies table sorts by score, company name, good or bad points, or counting records. The grades are
 * computed at the moment asked (not stored), so the list is sorted in memory — a street has tens of companies —
 * by the same keys and tie-break (the company id, in the same direction) as an SQL list's `sortable`.
 */
export const CreditCompaniesSort = sortable(
  { score: 'scoreCenti', company: 'companyName', good: 'goodCenti', bad: 'badCenti', records: 'records' },
  { sort: 'score', order: 'desc' },
  'companyId',
);

export interface CreditCompanyRow {
  /** The company's id (one row per company). */
  id: string;
  companyId: string;
  companyName: string;
  streetId: string;
  streetName: string;
  /** Compounds of the street it serves that the actor sees. */
  compounds: number;
  scoreCenti: number;
  grade: CreditGrade;
  goodCenti: number;
  badCenti: number;
  records: number;
  pendingRepairs: number;
}

const KEY: Record<(typeof CreditCompaniesSort.keys)[number], keyof CreditCompanyRow> = {
  score: 'scoreCenti',
  company: 'companyName',
  good: 'goodCenti',
  bad: 'badCenti',
  records: 'records',
};

async function rows(ctx: Ctx, q: CreditCompaniesQuery): Promise<CreditCompanyRow[]> {
  if (!holdsAnywhere(ctx.actor, 'creditRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  let under: string | undefined;
  if (q.placeId) {
    const place = await findPlace(db, q.placeId);
    if (!place || !holdsAtOrInside(ctx.actor, 'creditRead', place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
    under = place.path;
  }
  const now = ctx.kernel.clock.now();
  const out: CreditCompanyRow[] = [];
  for (const street of await creditStreetsInScope(ctx, under)) {
    const visible = await visibleCompanies(ctx, db, street, under);
    if (!visible.length) continue;
    const grades = new Map((await companyCreditGrades(db, { streetId: street.id, at: now })).map((g) => [g.companyId, g]));
    const pending = await db
      .selectFrom('sup_credit_repairs')
      .select(['company_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('street_id', '=', street.id)
      .where('status', '=', 'pending')
      .groupBy('company_id')
      .execute();
    for (const c of visible) {
      const g = grades.get(c.companyId);
      if (!g) continue; // serves nothing now and nothing of it counts
      out.push({
        id: c.companyId,
        companyId: c.companyId,
        companyName: c.companyName,
        streetId: street.id,
        streetName: street.name,
        compounds: c.compounds.length,
        scoreCenti: g.scoreCenti,
        grade: g.grade,
        goodCenti: g.goodCenti,
        badCenti: g.badCenti,
        records: g.records,
        pendingRepairs: Number(pending.find((p) => p.company_id === c.companyId)?.n ?? 0),
      });
    }
  }
  const needle = q.q?.toLowerCase();
  const filtered = out.filter((r) => (!needle || r.companyName.toLowerCase().includes(needle)) && (!q.grade || r.grade === q.grade));
  const key = KEY[q.sort];
  const dir = q.order === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return dir * (c || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
}

/** Officials: the companies serving compounds of their places; a company: itself. Residents and assessors: 403. */
export async function listCreditCompanies(ctx: Ctx, q: CreditCompaniesQuery): Promise<Page<CreditCompanyRow>> {
  const all = await rows(ctx, q);
  return { items: all.slice(offsetOf(q), offsetOf(q) + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
}

const score = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** The same table (every page) as xlsx. */
export async function exportCreditCompaniesXlsx(ctx: Ctx, q: CreditCompaniesQuery): Promise<{ fileName: string; content: Buffer }> {
  const all = await rows(ctx, q);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业信用');
  sheet.columns = [
    { header: '街道', width: 14 },
    { header: '物业服务企业', width: 24 },
    { header: '服务小区数', width: 10 },
    { header: '信用分', width: 10 },
    { header: '信用等级', width: 10 },
    { header: '加分合计', width: 10 },
    { header: '扣分合计', width: 10 },
    { header: '计分记录数', width: 10 },
    { header: '待审修复申请', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of all) sheet.addRow([r.streetName, r.companyName, r.compounds, score(r.scoreCenti), r.grade, score(r.goodCenti), score(r.badCenti), r.records, r.pendingRepairs]);
  return { fileName: `企业信用-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
