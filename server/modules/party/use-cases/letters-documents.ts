import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { read } from '../party.db.ts';
import { LettersErrors } from '../party.letters.errors.ts';
import { type LetterDetail, letterDetail } from './letters-get.ts';

const cn = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

function fileBase(l: LetterDetail) {
  return l.kind === 'annual' ? `${safe(l.communityName)}-${safe(l.organisationName)}-${l.year}年度报到服务情况函` : `${safe(l.communityName)}-函告-${safe(l.memberName ?? '')}`;
}

/**
 * The letter as printed (A4, formal Chinese): its title, the addressee, the text, the annual table of each member's
 * hours, points and posts with the totals (or the 函告's facts), the community party organisation and the date, and
 * a QR code back to the letter's live page. A draft is marked 草稿 (its lines are not yet frozen).
 */
export async function renderLetterPdf(ctx: Ctx, id: string, pageUrl: (id: string) => string): Promise<{ fileName: string; pdf: Buffer }> {
  const l = await letterDetail(read(ctx), ctx, id);
  const qr = await qrPng(pageUrl(l.id));
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 64, right: 64 }, info: { Title: l.subject, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const day = chinaDay(l.sentAt ?? ctx.kernel.clock.now());
  doc.image(qr, left + width - 80, 40, { width: 80 });
  if (l.status !== 'sent') doc.fontSize(11).fillColor('#cc0000').text('草稿（未发送）', left, 48).fillColor('#000000');
  doc.fontSize(18).text(l.subject, left, 130, { align: 'center', width });
  doc.moveDown(1).fontSize(12).text(`${l.organisationName}：`, left, undefined, { width });
  if (l.kind === 'annual') {
    const names = l.lines.map((x) => x.name).join('、') || '（无）';
    doc.moveDown(0.5).text(
      `根据在职党员到社区报到工作的有关要求，现将贵单位${names}等 ${l.lines.length} 名在职党员 ${l.year} 年度在${l.communityName}报到服务的情况函告如下：`,
      { width, indent: 24 },
    );
    doc.moveDown(0.8);
    const cols = [
      { title: '序号', w: 36 },
      { title: '姓名', w: 70 },
      { title: '服务时长（小时）', w: 90 },
      { title: '积分', w: 50 },
      { title: '服务岗位', w: width - 246 },
    ];
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      let x = left;
      doc.fontSize(bold ? 10.5 : 10);
      let h = 0;
      cells.forEach((c, i) => {
        h = Math.max(h, doc.heightOfString(c, { width: cols[i]!.w - 6 }));
      });
      cells.forEach((c, i) => {
        doc.rect(x, y, cols[i]!.w, h + 8).stroke();
        doc.text(c, x + 3, y + 4, { width: cols[i]!.w - 6 });
        x += cols[i]!.w;
      });
      doc.x = left;
      doc.y = y + h + 8;
    };
    row(cols.map((c) => c.title), true);
    l.lines.forEach((x, i) => row([String(i + 1), x.name, x.hours, String(x.points), x.posts.join('、') || '—']));
    if (l.totals) row(['', `合计 ${l.totals.members} 人`, l.totals.hours, String(l.totals.points), ''], true);
    doc.moveDown(0.8).fontSize(12).text('感谢贵单位对社区工作的支持，请将上述情况作为党员年度评议的参考。', left, undefined, { width, indent: 24 });
  } else {
    doc.moveDown(0.5).text(`贵单位在职党员${l.memberName ?? ''}同志在${l.communityName}居住期间，存在以下情况：`, { width, indent: 24 });
    doc.moveDown(0.5).text(l.facts ?? '', { width, indent: 24 });
    doc.moveDown(0.5).text('上述行为妨碍了小区的依法管理。特此函告，请贵单位党组织对该同志进行教育提醒，共同维护小区良好秩序。', { width, indent: 24 });
  }
  doc.moveDown(2).fontSize(12).text(l.communityPartyOrg, left, undefined, { width, align: 'right' });
  doc.moveDown(0.3).text(cn(day), { width, align: 'right' });
  doc.moveDown(1.5).fontSize(9).fillColor('#555555').text('扫描右上角二维码查看函件的在线页面。', left, undefined, { width });
  doc.end();
  return { fileName: `${fileBase(l)}.pdf`, pdf: await bytes };
}

/** An annual letter's table as xlsx: one row per member (hours, minutes, points, posts) and the totals. */
export async function exportLetterXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const l = await letterDetail(read(ctx), ctx, id);
  if (l.kind !== 'annual') throw LettersErrors.WRONG_STATUS();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(`${l.year}年度报到服务`);
  sheet.columns = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 12 },
    { header: '服务时长（小时）', width: 16 },
    { header: '服务时长（分钟）', width: 16 },
    { header: '积分', width: 8 },
    { header: '服务岗位', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  l.lines.forEach((x, i) => sheet.addRow([i + 1, x.name, x.hours, x.minutes, x.points, x.posts.join('、')]));
  if (l.totals) sheet.addRow(['', `合计 ${l.totals.members} 人`, l.totals.hours, l.totals.minutes, l.totals.points, '']).font = { bold: true };
  return { fileName: `${fileBase(l)}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
