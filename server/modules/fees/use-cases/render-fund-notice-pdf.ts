import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { basisText } from '../fees.fund.public.ts';
import { getFundPublication } from './list-fund-publications.ts';

const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/**
 * A quarter's publication as the notice for the compound's board (A4): the totals, each use with its basis, and
 * a QR code to the compound's public fund page, where owners and anyone passing can check it on a phone.
 */
export async function renderFundNoticePdf(ctx: Ctx, id: string, pageUrl: (compoundId: string) => string): Promise<{ fileName: string; pdf: Buffer }> {
  const p = await getFundPublication(ctx, id);
  const qr = await qrPng(pageUrl(p.compoundId));
  const title = `${p.compoundName}专项维修资金${p.quarter}公示`;
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 56, right: 56 }, info: { Title: title, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(18).text(title, { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#555555').text(`依据《民法典》第二百八十一条，现将本小区专项维修资金 ${p.quarter} 的筹集与使用情况公示如下。`, { align: 'center' });
  doc.fillColor('black').moveDown(1).fontSize(12);
  for (const [label, fen] of [
    ['期初余额', p.openingFen],
    ['本季交存', p.raisedFen],
    ['本季利息', p.interestFen],
    ['本季使用', p.usedFen],
    ['本季退还', p.refundedFen],
    ['期末余额', p.closingFen],
  ] as const) {
    doc.text(`${label}：${yuan(fen)} 元`, { width: width - 130 });
  }
  doc.image(qr, left + width - 110, 110, { width: 110 });
  doc.fontSize(8).fillColor('#555555').text('扫码查看各季度公示', left + width - 110, 224, { width: 110, align: 'center' });
  doc.fillColor('black').moveDown(2).fontSize(13).text('使用明细及依据', left, undefined, { width });
  doc.moveDown(0.4).fontSize(10.5);
  if (!p.uses.length) doc.text('本季度没有使用维修资金。', { width });
  p.uses.forEach((u, i) => {
    doc.text(`${i + 1}. ${u.day}  ${u.summary || '使用'}  ${yuan(u.amountFen)} 元${u.room ? `（${u.room}）` : ''}`, { width });
    doc.fillColor('#333333').text(`   ${basisText(u, false)}`, { width }).fillColor('black').moveDown(0.3);
  });
  doc.moveDown(1).fontSize(10).fillColor('#555555').text(`公示日期：${chinaDay(p.publishedAt)}    数据来源：住房和城乡建设部门维修资金管理中心对账单`, { width });
  doc.text('业主如有疑问，可向业主委员会或社区居委会反映。', { width });
  doc.end();
  return { fileName: `${title}.pdf`, pdf: await bytes };
}
