import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { read } from '../fees.db.ts';
import { yuan, yuanInCapitals } from './arrears-rules.ts';
import { issuerName, myReceipt, type ReceiptRow, staffReceipt } from './receipt-access.ts';

const CHANNEL_ZH = { gateway: '线上支付', cash: '现金', pos: 'POS 刷卡' } as const;

/**
 * A receipt (A5 landscape): the issuer, the number, the amount in figures and in capitals, the date, the room
 * and periods, the masked payer, the status (a voided receipt says 已作废 across it), and a QR code to the public
 * check page (`fees.receipt`), which shows the same number, amount, date and status to anyone who scans it.
 */
async function render(ctx: Ctx, r: ReceiptRow, checkUrl: string): Promise<{ fileName: string; pdf: Buffer }> {
  const issuer = await issuerName(read(ctx), r);
  const qr = await qrPng(checkUrl);
  const title = '物业服务费收据';
  const { doc, bytes } = cjkDocument({ size: 'A5', layout: 'landscape', margins: { top: 36, bottom: 36, left: 44, right: 44 }, info: { Title: `${title} ${r.no}`, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(18).text(title, { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#555555').text(`收据号 ${r.no}    开具日期 ${chinaDay(r.issuedAt)}`, { align: 'center' });
  doc.fillColor('black').moveDown(0.8).fontSize(11.5);
  const line = (label: string, value: string) => doc.text(`${label}：${value}`, { width: width - 110 });
  line('收款单位', issuer);
  line('小区', r.placeLabel);
  line('房屋', r.roomLabel);
  line('所缴期间', r.periods);
  line('缴费人', r.payerNameMasked ?? '—');
  line('缴费方式', `${CHANNEL_ZH[r.channel]}（缴费单号 ${r.paymentNo}${r.voucherNo ? `，凭证号 ${r.voucherNo}` : ''}）`);
  doc.moveDown(0.4).fontSize(14).text(`金额：¥${yuan(r.amountFen)}    大写：${yuanInCapitals(r.amountFen)}`);
  doc.moveDown(0.4).fontSize(11.5).text(`状态：${r.status === 'valid' ? '有效' : `已作废（${r.voidReason ?? ''}）`}`);
  doc.image(qr, left + width - 96, 92, { width: 96 });
  doc.fontSize(8).fillColor('#555555').text('扫码核验真伪', left + width - 96, 192, { width: 96, align: 'center' });
  doc.fillColor('#555555').fontSize(9).text('本收据为物业服务费缴费凭证，不作为税务发票；需要发票请在“我的收据”中申请。', left, doc.page.height - doc.page.margins.bottom - 24, { width });
  if (r.status === 'voided') {
    doc.save().rotate(-20, { origin: [doc.page.width / 2, doc.page.height / 2] }).fontSize(64).fillColor('#cc0000').opacity(0.35).text('已作废', 0, doc.page.height / 2 - 40, { width: doc.page.width, align: 'center' }).restore();
  }
  doc.end();
  return { fileName: `收据-${r.no}.pdf`, pdf: await bytes };
}

export async function renderReceiptPdf(ctx: Ctx, id: string, checkUrl: (id: string) => string) {
  const r = await staffReceipt(read(ctx), ctx, id);
  return render(ctx, r, checkUrl(r.id));
}

export async function renderMyReceiptPdf(ctx: Ctx, id: string, checkUrl: (id: string) => string) {
  const r = await myReceipt(read(ctx), ctx, id);
  return render(ctx, r, checkUrl(r.id));
}
