import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { ownerStatement, staffStatement } from './books-access.ts';
import { getBookStatement, ownerView } from './get-book-statement.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);
export const CATEGORY_ZH: Record<string, string> = {
  fees: '物业费',
  parking: '停车',
  advertising: '广告',
  rent: '公共部位租金',
  other_income: '其他收入',
  labour: '人工',
  cleaning: '保洁',
  greening: '绿化',
  security: '秩序维护',
  repairs: '维修',
  utilities: '水电',
  other_expense: '其他支出',
  remuneration: '物业酬金',
};

/** A statement as a workbook for staff: the heading, every line (as staff see it) with its basis and vouchers, and the totals. */
export async function exportBookStatementXlsx(ctx: Ctx, id: string) {
  const s = await getBookStatement(ctx, id);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(`${s.month} 账目`);
  sheet.addRow([`${s.compoundName} ${s.month} 信托制物业服务账目（${s.status === 'published' ? '已公开' : '草稿'}）`]);
  sheet.addRow([]);
  sheet.addRow(['行号', '收支', '类别', '金额（元）', '对方', '摘要', '日期', '依据', '计算方式', '凭证数', '疑问数']);
  for (const l of s.lines) {
    sheet.addRow([l.lineNo, l.direction === 'income' ? '收入' : '支出', CATEGORY_ZH[l.category] ?? l.category, Number(yuan(l.amountFen)), l.counterparty, l.description, l.occurredOn, l.basisLabel ?? '', l.formula ?? '', l.vouchers.length, l.questions.length]);
  }
  sheet.addRow([]);
  // The totals are the statement's, summed in SQL from the same lines.
  sheet.addRow(['', '收入合计', '', Number(yuan(s.incomeFen))]);
  sheet.addRow(['', '支出合计', '', Number(yuan(s.expenseFen))]);
  sheet.addRow(['', '结余', '', Number(yuan(s.balanceFen))]);
  sheet.getColumn(4).numFmt = '#,##0.00';
  for (const [i, width] of [6, 6, 12, 14, 20, 30, 12, 28, 40, 8, 8].entries()) sheet.getColumn(i + 1).width = width;
  return { fileName: `${s.compoundName}-${s.month}-账目.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/**
 * The published statement as a PDF, as owners read it (names of persons masked), with a QR code to its live
 * page on the H5. For staff who read the compound's books and for its owners; a draft has no PDF.
 */
export async function renderBookStatementPdf(ctx: Ctx, id: string, liveUrl: (id: string) => string, as: 'staff' | 'owner') {
  const db = read(ctx);
  const statement = as === 'staff' ? await staffStatement(db, ctx, id, 'read') : (await ownerStatement(db, ctx, id)).statement;
  if (statement.status !== 'published') throw FeesErrors.BOOK_NOT_PUBLISHED();
  const v = await ownerView(db, statement);
  const qr = await qrPng(liveUrl(v.id));
  const title = `${v.compoundName} ${v.month} 物业服务收支账目`;
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 40, bottom: 40, left: 40, right: 40 }, info: { Title: title, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(16).text(title, { align: 'center', width: width - 90 });
  doc.moveDown(0.3).fontSize(9).fillColor('#555555').text(`信托制公开账目 · 业委会与物业公司双方确认 · 公开于 ${v.publishedAt ? chinaDay(v.publishedAt) : ''}`, { width: width - 90, align: 'center' });
  doc.image(qr, left + width - 80, 36, { width: 80 });
  doc.fontSize(7).text('扫码查看在线账目', left + width - 80, 118, { width: 80, align: 'center' });
  doc.fillColor('black').fontSize(11).text(`收入合计 ¥${yuan(v.incomeFen)}    支出合计 ¥${yuan(v.expenseFen)}    结余 ¥${yuan(v.balanceFen)}`, left, 140, { width });
  doc.moveDown(0.6);
  for (const direction of ['income', 'expense'] as const) {
    doc.fontSize(12).fillColor('black').text(direction === 'income' ? '收入' : '支出', left, doc.y, { width });
    doc.moveDown(0.2);
    for (const l of v.lines.filter((x) => x.direction === direction)) {
      if (doc.y > doc.page.height - 90) doc.addPage();
      doc.fontSize(9.5).fillColor('black').text(`第 ${l.lineNo} 行  ${CATEGORY_ZH[l.category] ?? l.category}  ¥${yuan(l.amountFen)}  ${l.counterparty}  ${l.occurredOn}`, left, doc.y, { width });
      doc.fontSize(8.5).fillColor('#444444').text(`${l.description}${l.basisLabel ? `；依据：${l.basisLabel}` : ''}${l.formula ? `；计算：${l.formula}` : ''}${l.vouchers.length ? `；凭证 ${l.vouchers.length} 份` : ''}`, left + 12, doc.y, { width: width - 12 });
      doc.moveDown(0.25);
    }
    doc.moveDown(0.4);
  }
  doc.end();
  return { fileName: `${v.compoundName}-${v.month}-账目.pdf`, pdf: await bytes };
}
