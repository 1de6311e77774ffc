import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import type { SortedBy } from '../pagination.ts';
import { allStatements, getStatement, type StatementsQuery, type StatementsSort } from './payouts-read.ts';
import { type PayoutStatus, STATUS_LABEL } from './payouts.ts';

/** Yuan for a spreadsheet cell, from integer fen: the cell shows two decimals (the stored figure stays fen). */
const yuan = (fen: number) => fen / 100;
const MONEY = '#,##0.00';
const statusText = (s: PayoutStatus, en: boolean) => (en ? s : STATUS_LABEL[s].zh);
const when = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** One statement as a workbook: who, what period, its state and voucher, then every line and the total (the sum of the lines). */
export async function statementXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const s = await getStatement(ctx, id);
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Statement' : '结算单');
  const head: [string, string][] = [
    [en ? 'Kind' : '结算类型', s.kindName],
    [en ? 'Payee' : '收款人', `${s.payeeName}（${s.payeeKind}）`],
    [en ? 'Place' : '地点', s.placeLabel],
    [en ? 'Period' : '结算期', s.period],
    [en ? 'Status' : '状态', statusText(s.status, en)],
    [en ? 'Voucher no.' : '付款凭证号', s.voucherNo ?? ''],
  ];
  for (const h of head) sheet.addRow(h).getCell(1).font = { bold: true };
  sheet.addRow([]);
  const header = sheet.addRow([
    en ? 'No.' : '序号',
    en ? 'Description' : '说明',
    en ? 'Place' : '地点',
    en ? 'Quantity' : '数量',
    en ? 'Unit (yuan)' : '单价（元）',
    en ? 'Amount (yuan)' : '金额（元）',
    en ? 'Amount (fen)' : '金额（分）',
    en ? 'Reverses line' : '冲销行',
    en ? 'Reason' : '原因',
  ]);
  header.font = { bold: true };
  const index = new Map(s.lines.map((l, i) => [l.id, i + 1]));
  s.lines.forEach((l, i) => {
    const row = sheet.addRow([
      i + 1,
      l.description,
      l.placeLabel ?? '',
      l.quantity,
      yuan(l.unitFen),
      yuan(l.amountFen),
      l.amountFen,
      l.reversesLineId ? (index.get(l.reversesLineId) ?? (en ? 'earlier period' : '前期')) : '',
      l.reason ?? '',
    ]);
    row.getCell(5).numFmt = MONEY;
    row.getCell(6).numFmt = MONEY;
  });
  const total = sheet.addRow([en ? 'Total' : '合计', '', '', '', '', yuan(s.totalFen), s.totalFen]);
  total.font = { bold: true };
  total.getCell(6).numFmt = MONEY;
  sheet.getColumn(2).width = 40;
  sheet.getColumn(3).width = 28;
  for (const c of [4, 5, 6, 7]) sheet.getColumn(c).width = 14;
  sheet.getColumn(9).width = 30;
  return { fileName: `${s.kindName}-${s.payeeName}-${s.period}.xlsx`, content: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** The statements of the list's filters (a period, say) as a workbook: one row each with its total, then the sum. */
export async function statementsXlsx(ctx: Ctx, q: SortedBy<typeof StatementsSort> & StatementsQuery): Promise<{ fileName: string; content: Buffer }> {
  const rows = await allStatements(ctx, q);
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Statements' : '结算单');
  sheet.addRow([
    en ? 'Kind' : '结算类型',
    en ? 'Payee' : '收款人',
    en ? 'Place' : '地点',
    en ? 'Period' : '结算期',
    en ? 'Status' : '状态',
    en ? 'Lines' : '明细行数',
    en ? 'Total (yuan)' : '合计（元）',
    en ? 'Total (fen)' : '合计（分）',
    en ? 'Voucher no.' : '付款凭证号',
    en ? 'Paid at' : '付款时间',
  ]).font = { bold: true };
  let sum = 0;
  for (const r of rows) {
    sum += r.totalFen;
    sheet.addRow([r.kindName, r.payeeName, r.placeLabel || r.placeName, r.period, statusText(r.status as PayoutStatus, en), r.lineCount, yuan(r.totalFen), r.totalFen, r.voucherNo ?? '', when(r.paidAt)]).getCell(7).numFmt = MONEY;
  }
  const total = sheet.addRow([en ? 'Total' : '合计', '', '', '', '', rows.reduce((a, r) => a + r.lineCount, 0), yuan(sum), sum]);
  total.font = { bold: true };
  total.getCell(7).numFmt = MONEY;
  for (const [c, w] of [[1, 20], [2, 14], [3, 28], [7, 14], [8, 14], [9, 18], [10, 18]] as const) sheet.getColumn(c).width = w;
  const name = [en ? 'payouts' : '结算单', q.period, q.kind].filter(Boolean).join('-');
  return { fileName: `${name}.xlsx`, content: Buffer.from(await book.xlsx.writeBuffer()) };
}
