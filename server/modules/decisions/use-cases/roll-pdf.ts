import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { read } from '../decisions.db.ts';
import { roomsByEntry } from '../decisions.repository.ts';
import { decisionFor } from './decision-access.ts';

const m2 = (centi: number) => (centi / 100).toFixed(2);

/**
 * The masked roll (表决名册) to post in the lobby for objections (A4): the totals up front — heads and exclusive
 * area, the ⅔ each needs — then each head's number, rooms, area and masked names, the objection deadline, and a
 * QR code to the decision's H5 page where an owner checks their entry and objects.
 */
export async function renderRollPdf(ctx: Ctx, id: string, liveUrl: string): Promise<{ title: string; pdf: Buffer }> {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'read', { status: ['roll_published', 'open', 'closed', 'published'] });
  const entries = await db
    .selectFrom('dec_roll_entries as e')
    .select(['e.id', 'e.no', 'e.kind', 'e.label', 'e.area_centi'])
    .where('e.street_id', '=', d.street_id)
    .where('e.decision_id', '=', d.id)
    .where('e.merged_into', 'is', null)
    .orderBy('e.no')
    .execute();
  const rooms = await roomsByEntry(db, d.street_id, d.id);
  const qr = await qrPng(liveUrl);
  const title = `${d.title} 表决名册`;
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 }, info: { Title: title, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.fontSize(18).text(title, { align: 'center' });
  doc.moveDown(0.4).fontSize(10).fillColor('#555555').text(`${d.place_label} · 第 ${d.roll_version} 版 · 公示日期 ${d.roll_published_at ? chinaDay(d.roll_published_at) : ''}`, { align: 'center' });
  doc.fillColor('black').moveDown(0.8).fontSize(12);
  const heads = d.total_heads ?? 0;
  const area = d.total_area_centi ?? 0;
  doc.text(`业主总人数：${heads} 人（三分之二：${Math.ceil((heads * 2) / 3)} 人）    专有部分总面积：${m2(area)} m²（三分之二：${m2(Math.ceil((area * 2) / 3))} m²）`);
  doc.moveDown(0.3).fontSize(10).fillColor('#555555').text('人数按专有部分计算：建设单位未售及已售未交付的房屋合计为一人，同一业主拥有多个专有部分的按一人计算，共有人为一人。姓名已部分隐去。');
  doc.fillColor('black').moveDown(0.3).text(`如有异议，请于 ${d.objection_until ?? ''} 前扫码或向业主委员会提出。`);
  doc.image(qr, left + width - 72, 40, { width: 72 });
  doc.moveDown(0.8);

  const cols = [40, 250, 70, width - 360];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 6 }))) + 6;
    if (y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.fontSize(bold ? 10.5 : 10).text(c, x + 3, top + 3, { width: cols[i]! - 6 });
      x += cols[i]!;
    });
    doc.moveTo(left, top + h).lineTo(left + width, top + h).strokeColor('#cccccc').stroke();
    doc.x = left;
    doc.y = top + h;
  };
  row(['序号', '专有部分', '面积（m²）', '业主（部分隐去）'], true);
  for (const e of entries) row([String(e.no), (rooms.get(e.id) ?? []).join('、'), m2(e.area_centi), e.kind === 'developer' ? '建设单位（未售及未交付）' : e.label]);
  doc.end();
  return { title, pdf: await bytes };
}
