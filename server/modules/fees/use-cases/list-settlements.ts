import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { scopePrefixes } from '../../../kernel/access/index.ts';
import { organisationNames, propertyCompanies } from '../../registry/index.ts';
import { read } from '../fees.db.ts';
import { FEES_ROLES } from '../fees.constants.ts';
import { placeFilter } from '../fees.policy.ts';
import { SettlementsSort, type SettlementsQuery } from '../fees.payments.schemas.ts';
import { getSettlement, shape } from './settle-company.ts';

/** Settlement batches of the streets where the actor settles (清分结算), with each company's name. */
export async function listSettlements(ctx: Ctx, q: SettlementsQuery) {
  const db = read(ctx);
  const base = db
    .selectFrom('fee_settlement_batches as b')
    .innerJoin('street_places as s', (j) => j.onRef('s.street_id', '=', 'b.street_id').onRef('s.id', '=', 'b.street_id'))
    .where(placeFilter(ctx.actor, 'settle', 's.id', 's.path'))
    .$if(!!q.companyId, (qb) => qb.where('b.company_id', '=', q.companyId!))
    .$if(!!q.status, (qb) => qb.where('b.status', '=', q.status!))
    .$if(!!q.q, (qb) => qb.where('b.period_label', 'ilike', containing(q.q!)));
  const page = await paginate(q, SettlementsSort.orderBy(base, q).selectAll('b').limit(q.pageSize).offset(offsetOf(q)).execute(), base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  const names = await organisationNames(db, page.items.map((b) => b.company_id));
  return { ...page, items: page.items.map((b) => ({ ...shape(b), company: names.get(b.company_id) ?? '' })) };
}

/** The property companies the actor may settle with: those of the streets where they hold the settle role. */
export async function settlementCompanies(ctx: Ctx) {
  const db = read(ctx);
  const prefixes = scopePrefixes(ctx.actor, FEES_ROLES.settle);
  if (prefixes !== null && prefixes.length === 0) return { items: [] };
  const streets = await db
    .selectFrom('street_places')
    .select('id')
    .where('kind', '=', 'street')
    .where(placeFilter(ctx.actor, 'settle', 'id', 'path'))
    .execute();
  const items = (await Promise.all(streets.map((s) => propertyCompanies(db, { streetId: s.id })))).flat();
  return { items };
}

/** A batch as the company's statement of the period (xlsx): its totals and every line. */
export async function exportSettlementXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const b = await getSettlement(ctx, id);
  const company = (await organisationNames(read(ctx), [b.companyId])).get(b.companyId) ?? '';
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('结算单');
  sheet.columns = [{ width: 8 }, { width: 10 }, { width: 24 }, { width: 16 }, { width: 14 }, { width: 20 }];
  sheet.addRow([`${company} 物业费结算单 ${b.period}（${b.channel === 'split' ? '渠道分账' : '中心银行'}）`]).font = { bold: true, size: 14 };
  sheet.addRow(['收款', (b.paidFen / 100).toFixed(2), '退款', (b.refundedFen / 100).toFixed(2), '净额', (b.netFen / 100).toFixed(2)]);
  sheet.addRow(['对方结算单', b.statementFen === null ? '' : (b.statementFen / 100).toFixed(2), '流水号', b.statementRef ?? '', '状态', b.status]);
  sheet.addRow([]);
  sheet.addRow(['序号', '类型', '单号', '小区', '金额（元）', '时间']).font = { bold: true };
  for (const l of b.lines) sheet.addRow([l.lineNo, l.kind === 'payment' ? '收款' : '退款', l.refNo, l.compound, (l.amountFen / 100).toFixed(2), new Date(l.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')]);
  return { fileName: `结算单-${company}-${b.period}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
