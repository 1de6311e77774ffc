import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { BUILDING_OF_PART, itemsOf, roomsByEntry } from '../decisions.repository.ts';
import { shareLinesByEntry } from './elevator-shares.ts';
import { isSpecialMatter } from '../tally.ts';
import { decisionFor } from './decision-access.ts';

const m2 = (centi: number) => (centi / 100).toFixed(2);

/** Where a sheet's QR code leads: the workbench's entry screen with the sheet's code filled in. */
export const sheetUrl = (origin: string, decisionId: string, code: string) => `${origin}/decisions/${decisionId}/paper?sheet=${code}`;

/**
 * 个人表决票 (A4, one per head): the owner's rooms and area, every item with 同意 / 反对 / 弃权 boxes and its threshold,
 * the rules printed on it (one tick per item; unsigned or double-ticked sheets are invalid), a signature line for the
 * owner or their proxy, and a QR code carrying the sheet's code for the entry screen — for one building's live sheets
 * (all buildings without `building`), or one sheet.
 */
export async function renderSheetsPdf(ctx: Ctx, id: string, origin: string, which: { building?: string; sheetId?: string }): Promise<{ title: string; pdf: Buffer }> {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'organise');
  const sheets = await db
    .selectFrom('dec_sheets as s')
    .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 's.street_id').onRef('e.id', '=', 's.entry_id'))
    .select(['s.id', 's.code', 's.entry_id', 'e.no', 'e.kind', 'e.label', 'e.area_centi'])
    .where('s.street_id', '=', d.street_id)
    .where('s.decision_id', '=', d.id)
    .$if(!which.sheetId, (q) => q.where('s.status', '=', 'issued'))
    .$if(!!which.sheetId, (q) => q.where('s.id', '=', which.sheetId!))
    .$if(!!which.building, (q) =>
      q.where((eb) =>
        eb.exists(
          eb.selectFrom('dec_roll_parts as rp').whereRef('rp.street_id', '=', 'e.street_id').whereRef('rp.entry_id', '=', 'e.id').where(BUILDING_OF_PART, '=', which.building!).select('rp.room_id'),
        ),
      ),
    )
    .orderBy('e.no')
    .execute();
  if (which.sheetId && sheets.length === 0) throw DecisionsErrors.SHEET_NOT_FOUND({ code: '' });
  const [items, rooms, shareLines] = await Promise.all([itemsOf(db, d.street_id, d.id), roomsByEntry(db, d.street_id, d.id), shareLinesByEntry(db, d)]);
  const title = `${d.title} 业主表决票${which.building ? `（${which.building}）` : ''}`;
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 48, bottom: 48, left: 56, right: 56 }, info: { Title: title, Creator: 'Gongzhi 共治' }, autoFirstPage: false });
  const period = d.opens_at && d.closes_at ? `表决时间：${chinaDay(d.opens_at)} 至 ${chinaDay(d.closes_at)}` : `表决时间：以表决公告为准`;

  for (const s of sheets) {
    doc.addPage();
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.image(await qrPng(sheetUrl(origin, d.id, s.code)), left + width - 84, 40, { width: 84 });
    doc.fontSize(9).fillColor('#333333').text(`编号 ${s.code}`, left + width - 96, 128, { width: 108, align: 'center' });
    doc.fillColor('black').fontSize(17).text(`${d.title}`, left, 52, { width: width - 110 });
    doc.moveDown(0.2).fontSize(13).text('业主表决票', { width: width - 110 });
    doc.moveDown(0.3).fontSize(9.5).fillColor('#555555').text(`${d.place_label} · ${period}`, { width: width - 110 });
    doc.fillColor('black');
    doc.y = Math.max(doc.y, 150) + 10;
    doc.x = left;
    const owner = s.kind === 'developer' ? '建设单位（未售及未交付部分）' : s.label;
    doc.fontSize(11).text(`名册序号：${s.no}    业主：${owner}`);
    doc.moveDown(0.2).text(`专有部分：${(rooms.get(s.entry_id) ?? []).join('、')}`);
    doc.moveDown(0.2).text(`专有部分面积：${m2(s.area_centi)} m²`);
    for (const line of shareLines.get(s.entry_id) ?? []) doc.moveDown(0.2).text(line);
    doc.moveDown(0.6);

    const boxes = ['同意', '反对', '弃权'];
    const colTitle = width - 3 * 56;
    for (const item of items) {
      const top = doc.y;
      const threshold = isSpecialMatter(item.matter) ? '须经参与表决专有部分面积及人数各四分之三以上同意' : '须经参与表决专有部分面积及人数各过半数同意';
      doc.fontSize(11).text(`${item.no}. ${item.title}`, left, top + 4, { width: colTitle - 8 });
      doc.fontSize(8.5).fillColor('#666666').text(threshold, left, doc.y + 1, { width: colTitle - 8 });
      doc.fillColor('black');
      const bottom = Math.max(doc.y + 6, top + 40);
      boxes.forEach((label, i) => {
        const x = left + colTitle + i * 56;
        doc.rect(x + 6, top + 8, 12, 12).stroke();
        doc.fontSize(10.5).text(label, x + 22, top + 8, { width: 34 });
      });
      doc.moveTo(left, bottom).lineTo(left + width, bottom).strokeColor('#cccccc').stroke().strokeColor('black');
      doc.x = left;
      doc.y = bottom;
    }
    doc.moveDown(0.8).fontSize(9.5).fillColor('#444444');
    doc.text('填写说明：每个表决事项只能在“同意”“反对”“弃权”中勾选一项；多选、未签名或无法辨认的表决票无效，不计入表决。本票编号唯一，遗失或损坏请向业主委员会申请补发，原票作废。');
    doc.moveDown(0.3).text('委托他人投票的，受托人须持业主签署的授权委托书，经工作人员审核后方为有效。');
    doc.fillColor('black').moveDown(1.6).fontSize(11);
    doc.text('业主（或受托人）签名：____________________        日期：______年____月____日');
    doc.moveDown(0.6).fontSize(9).fillColor('#666666').text('受托人代签的，请注明“受托人”并附授权委托书。');
    doc.fillColor('black');
  }
  if (sheets.length === 0) {
    doc.addPage();
    doc.fontSize(12).text('该范围内没有已发放的有效表决票。请先在工作台“纸质表决票”中发放。');
  }
  doc.end();
  return { title, pdf: await bytes };
}
