import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { getNotice } from './get-notice.ts';
import { STATUS_LABEL } from './notice-access.ts';

const cn = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * A notice as the printed 整改通知单 (A4): its number, the company addressed, the place, the problem, the deadline,
 * the evidence count, the issuing body, signature lines for both sides, and a QR code to the notice's live page on
 * the workbench (where its answer and verification are recorded).
 */
export async function renderNoticePdf(ctx: Ctx, id: string, pageUrl: (id: string) => string): Promise<{ fileName: string; pdf: Buffer }> {
  const n = await getNotice(ctx, id);
  const qr = await qrPng(pageUrl(n.id));
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 64, right: 64 }, info: { Title: `整改通知单 ${n.no}`, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(20).text('整改通知单', { align: 'center' });
  doc.moveDown(0.3).fontSize(11).text(n.no, { align: 'center' });
  doc.image(qr, left + width - 90, 56, { width: 90 });
  doc.moveDown(1.5).fontSize(12).text(`${n.companyName}：`, left, undefined, { width: width - 100 });
  doc.moveDown(0.5).text(`经检查，你单位服务的${n.placeLabel}存在以下问题，现通知你单位于 ${cn(n.deadline)} 前整改完毕，并将整改情况及佐证材料报送${n.issuerOrg}。`, { width, indent: 24 });
  doc.moveDown(0.8).fontSize(13).text(`问题：${n.title}`, { width });
  doc.moveDown(0.3).fontSize(11.5).text(n.description, { width, indent: 24 });
  doc.moveDown(0.8).fontSize(11.5);
  const facts: [string, string][] = [
    ['问题位置', n.placeLabel],
    ['整改期限', `${cn(n.deadline)}${n.round > 1 ? `（第 ${n.round} 轮）` : ''}`],
    ['佐证材料', `${n.files.filter((f) => f.stage === 'issue').length} 份`],
    ['当前状态', STATUS_LABEL[n.status].zh],
    ['下发单位', n.issuerOrg],
    ['下发日期', cn(chinaDay(new Date(n.issuedAt)))],
  ];
  for (const [k, v] of facts) doc.text(`${k}：${v}`, { width });
  doc.moveDown(2.5);
  const y = doc.y;
  const half = width / 2;
  doc.text(`下发单位（盖章）：${n.issuerOrg}`, left, y, { width: half - 10 });
  doc.text('经办人签字：____________', left, y + 28, { width: half - 10 });
  doc.text(`日期：${cn(chinaDay(new Date(n.issuedAt)))}`, left, y + 56, { width: half - 10 });
  doc.text(`签收单位（盖章）：${n.companyName}`, left + half, y, { width: half });
  doc.text('签收人签字：____________', left + half, y + 28, { width: half });
  doc.text('签收日期：______年____月____日', left + half, y + 56, { width: half });
  doc.fontSize(9).fillColor('#555555').text('扫描右上角二维码查看通知单的整改回复与核验记录。本通知单一式两份，下发单位与物业服务企业各执一份。', left, y + 100, { width });
  doc.end();
  return { fileName: `整改通知单${n.no}.pdf`, pdf: await bytes };
}
