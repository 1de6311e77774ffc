import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { read } from '../volunteers.db.ts';
import { areaText } from '../volunteers.green.constants.ts';
import { GreenErrors } from '../volunteers.green.errors.ts';
import { type AdoptionRow, adoptionRows } from './green-access.ts';

const cn = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * The adopter's certificate (认养证书) of an approved adoption as a PDF: who adopted which plot of which compound, its
 * area and period, with a QR code back to the plot's live page. Only the adopter's own (or their household's, by the
 * room) approved adoptions; anything else is not found.
 */
export async function renderCertificate(ctx: Ctx, id: string, plotUrl: (plotId: string) => string): Promise<{ fileName: string; pdf: Buffer }> {
  const db = read(ctx);
  const a = ctx.actor.personId ? ((await adoptionRows(db).where('a.id', '=', id).where('a.person_id', '=', ctx.actor.personId).executeTakeFirst()) as AdoptionRow | undefined) : undefined;
  if (!a || (a.status !== 'active' && a.status !== 'ended')) throw GreenErrors.ADOPTION_NOT_FOUND();
  const qr = await qrPng(plotUrl(a.plotId));
  const { doc, bytes } = cjkDocument({ size: 'A5', layout: 'landscape', margins: { top: 40, bottom: 40, left: 48, right: 48 }, info: { Title: '绿地认养证书', Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.rect(20, 20, doc.page.width - 40, doc.page.height - 40).lineWidth(3).strokeColor('#2e7d32').stroke();
  doc.image(qr, left + width - 72, 36, { width: 72 });
  doc.fillColor('#2e7d32').fontSize(24).text('绿地认养证书', left, 60, { align: 'center', width });
  doc.fillColor('#000000').fontSize(13).moveDown(1.2);
  doc.text(`${a.personName}${a.roomLabel ? `（${a.roomLabel}）` : ''}：`, left, undefined, { width });
  doc.moveDown(0.5).text(
    `感谢您认养${a.compoundName}「${a.plotName}」（面积 ${areaText(a.areaCenti)} 平方米），认养期限自${cn(a.fromDay)}至${cn(a.endedOn && a.endedOn <= a.toDay ? chinaDay(new Date(new Date(`${a.endedOn}T00:00:00Z`).getTime() - 86_400_000)) : a.toDay)}。愿您与邻里一起，守护身边的每一片绿色。`,
    { width, indent: 26, lineGap: 4 },
  );
  doc.moveDown(1.5).text(`${a.compoundName} 认栽认养`, { width, align: 'right' });
  doc.moveDown(0.3).text(cn(chinaDay(a.decidedAt ?? ctx.kernel.clock.now())), { width, align: 'right' });
  doc.moveDown(1).fontSize(9).fillColor('#555555').text('扫描右上角二维码查看绿地的养护记录。', left, undefined, { width });
  doc.end();
  return { fileName: `认养证书-${a.plotName}.pdf`, pdf: await bytes };
}
