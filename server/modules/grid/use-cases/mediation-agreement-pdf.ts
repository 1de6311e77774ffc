import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { read, write } from '../grid.db.ts';
import { MEDIATION_CATEGORY_ZH, PARTY_ROLE_ZH } from '../grid.mediation.constants.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import { accessTo, caseById } from './mediation-access.ts';
import { partiesFor } from './mediation-cases-get.ts';

const cn = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * 人民调解协议书 (A4) for an agreed case, printable for signing: the committee, the parties in full, the dispute, the
 * terms, signature lines, and a QR code back to the case's live page. Only the case's assigned mediators may have it
 * (it names the parties): MEDIATION_AGREEMENT_FOR_MEDIATORS for others; 409 before an agreement. Each download audited.
 */
export async function agreementPdf(ctx: Ctx, id: string, pageUrl: (id: string) => string): Promise<{ fileName: string; pdf: Buffer }> {
  const db = read(ctx);
  const kase = await caseById(db, id);
  if (!kase) throw MediationErrors.MEDIATION_CASE_NOT_FOUND();
  const access = await accessTo(db, ctx, kase);
  if (!access.reads) throw MediationErrors.MEDIATION_CASE_NOT_FOUND();
  if (!access.mediator) throw MediationErrors.MEDIATION_AGREEMENT_FOR_MEDIATORS();
  if (kase.status !== 'agreed' || !kase.agreement_terms || !kase.agreed_at) throw MediationErrors.MEDIATION_WRONG_STATUS({ status: kase.status, statusZh: kase.status, action: 'printed', actionZh: '打印协议书' });
  const parties = (await partiesFor(db, ctx, kase.streetId, [id], true)).get(id) ?? [];
  const qr = await qrPng(pageUrl(id));
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 64, right: 64 }, info: { Title: `人民调解协议书 ${kase.no}`, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(20).text('人民调解协议书', { align: 'center' });
  doc.moveDown(0.3).fontSize(11).text(`编号：${kase.no}`, { align: 'center' });
  doc.image(qr, left + width - 80, 56, { width: 80 });
  doc.moveDown(1.2).fontSize(12);
  for (const p of parties) doc.text(`${PARTY_ROLE_ZH[p.role]}：${p.name}${p.phone ? `　联系电话：${p.phone}` : ''}${p.room ? `　住址：${p.room}` : ''}`, left, undefined, { width: width - 90 });
  doc.moveDown(0.8).text(`纠纷类别：${MEDIATION_CATEGORY_ZH[kase.category]}　地点：${kase.placeName}`, { width });
  doc.moveDown(0.5).fontSize(13).text('纠纷主要事实、争议事项：', { width });
  doc.fontSize(11.5).text(kase.summary, { width, indent: 24 });
  doc.moveDown(0.8).fontSize(13).text('经调解，双方自愿达成如下协议：', { width });
  doc.fontSize(11.5).text(kase.agreement_terms, { width, indent: 24 });
  doc.moveDown(0.8).text('履行方式、时限：按上述协议约定履行。本协议经双方当事人签字（盖章）、人民调解员签字并加盖人民调解委员会印章后生效。双方当事人可自本协议生效之日起三十日内共同向人民法院申请司法确认。', { width });
  doc.moveDown(2);
  for (const p of parties) doc.text(`${PARTY_ROLE_ZH[p.role]}（签名）：____________　　日期：______年____月____日`, { width });
  doc.moveDown(1).text(`人民调解员（签名）：____________　　${kase.committeeName}（盖章）`, { width });
  doc.moveDown(0.5).text(`达成协议日期：${cn(chinaDay(kase.agreed_at))}`, { width });
  doc.fontSize(9).fillColor('#555555').moveDown(1.5).text('扫描右上角二维码查看案件的调解记录、司法确认与回访情况。本协议书一式三份，双方当事人、人民调解委员会各执一份。', { width });
  doc.end();
  const pdf = await bytes;
  await write(ctx, (tx) => audit(tx, ctx, { action: 'grid.mediation.agreement_printed', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no } }));
  return { fileName: `人民调解协议书${kase.no}.pdf`, pdf };
}
