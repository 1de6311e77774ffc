import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { cjkFont } from '../../../kernel/pdf/fonts.ts';
import type { NoticeCategory } from '../notices.constants.ts';
import { getNotice } from './get-notice.ts';
import { read } from '../notices.db.ts';

const LABELS = {
  'zh-CN': {
    category: { policy: '政策宣传', announcement: '通知公告', meeting: '会议通知', emergency: '紧急通知' } as Record<NoticeCategory, string>,
    scope: '发布范围',
    validity: '有效期',
    from: (d: string) => `${d} 起`,
    range: (a: string, b: string) => `${a} 至 ${b}`,
    attachments: '附件',
    scan: '扫码查看公告原文（无需登录）',
    printed: '打印于',
    draft: '草稿 · 未发布',
    withdrawn: '已撤回',
  },
  en: {
    category: { policy: 'Policy', announcement: 'Announcement', meeting: 'Meeting notice', emergency: 'Emergency notice' } as Record<NoticeCategory, string>,
    scope: 'For',
    validity: 'Valid',
    from: (d: string) => `from ${d}`,
    range: (a: string, b: string) => `${a} to ${b}`,
    attachments: 'Attachments',
    scan: 'Scan for the notice (no sign-in needed)',
    printed: 'Printed',
    draft: 'Draft · not published',
    withdrawn: 'Withdrawn',
  },
};

const RED = '#b8292f';
const GREY = '#555555';

/** "2026-11-22" → "2026年11月22日", as a notice is signed. */
const chineseDate = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};
const shanghaiParts = (at: Date) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
};

/**
 * The printable notice for the lobby board (A4): heading by category, title, place and validity,
 * the text, image attachments, the signature, and a QR code back to the live page.
 */
export async function renderNoticePdf(ctx: Ctx, id: string, liveUrl: string): Promise<{ title: string; pdf: Buffer }> {
  const n = await getNotice(ctx, id);
  cjkFont(); // fails early with a clear PDF_FONT_MISSING when the server has no Chinese font
  const L = LABELS[ctx.actor.locale === 'en' ? 'en' : 'zh-CN'];
  const qr = await qrPng(liveUrl);
  const images = await Promise.all(
    n.attachments
      .filter((a) => a.mime === 'image/jpeg' || a.mime === 'image/png')
      .map(async (a) => {
        const row = await read(ctx).selectFrom('ntc_attachments').select('file_key').where('id', '=', a.id).executeTakeFirstOrThrow();
        return { name: a.name, content: await ctx.kernel.files.get(row.file_key) };
      }),
  );

  const { doc, bytes: done } = cjkDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 64, right: 64 }, info: { Title: n.title, Author: n.issuer, Creator: 'Gongzhi 共治' } });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  // Heading: the category in red over a double rule, as printed notices are.
  doc.rect(0, 0, doc.page.width, 10).fill(RED);
  doc.fillColor(RED).fontSize(30).text(L.category[n.category], left, 56, { width, align: 'center', characterSpacing: 6 });
  const ruleY = doc.y + 6;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(2).strokeColor(RED).stroke();
  doc.moveTo(left, ruleY + 4).lineTo(left + width, ruleY + 4).lineWidth(0.6).stroke();
  if (n.status !== 'published') {
    doc.fontSize(11).fillColor(RED).text(n.status === 'draft' ? L.draft : L.withdrawn, left, ruleY + 10, { width, align: 'right' });
  }

  doc.fillColor('#000000').fontSize(20).text(n.title, left, ruleY + 26, { width, align: 'center' });
  doc.moveDown(0.4);
  const validity = n.validUntil ? L.range(n.validFrom, n.validUntil) : L.from(n.validFrom);
  doc.fontSize(10.5).fillColor(GREY).text(`${L.scope}：${n.placeLabel ?? n.placeName}　${L.validity}：${validity}`, { width, align: 'center' });
  doc.moveDown(1.2);

  // The text: paragraphs with a two-character indent.
  doc.fillColor('#000000').fontSize(13);
  for (const para of n.body.split(/\r?\n/)) {
    if (!para.trim()) {
      doc.moveDown(0.5);
      continue;
    }
    // A salutation ("各位居民：") stands flush left; paragraphs are indented by two characters.
    const salutation = /[：:]$/.test(para.trim()) && para.trim().length <= 20;
    doc.text(para.trim(), left, doc.y, { width, indent: salutation ? 0 : 26, lineGap: 5, paragraphGap: 6, align: 'justify' });
  }

  // Image attachments, each fitted to the column.
  for (const img of images) {
    if (!img.content) continue;
    if (doc.y > bottom() - 200) doc.addPage();
    doc.moveDown(0.6);
    const top = doc.y;
    try {
      doc.image(img.content, left + width / 6, top, { fit: [(width * 2) / 3, 240], align: 'center' });
    } catch {
      // Its first bytes said image, the rest is not one pdfkit can draw: list it by name only.
      continue;
    }
    doc.y = Math.max(doc.y, top + 240);
    doc.fontSize(9).fillColor(GREY).text(img.name, left, doc.y + 2, { width, align: 'center' });
    doc.fillColor('#000000').fontSize(13);
  }
  if (n.attachments.length > 0) {
    doc.moveDown(0.8);
    doc.fontSize(11).fillColor(GREY).text(`${L.attachments}：`, left, doc.y, { width });
    n.attachments.forEach((a, i) => doc.text(`${i + 1}. ${a.name}`, left + 22, doc.y, { width: width - 22 }));
  }

  // Signature, then the QR code in the bottom corner of the last page.
  const blockHeight = 150;
  if (doc.y + blockHeight > bottom()) doc.addPage();
  const signed = n.publishedAt ? shanghaiParts(new Date(n.publishedAt)).date : shanghaiParts(ctx.kernel.clock.now()).date;
  doc.moveDown(1.5);
  doc.fillColor('#000000').fontSize(13).text(n.issuer, left, doc.y, { width, align: 'right' });
  doc.text(ctx.actor.locale === 'en' ? signed : chineseDate(signed), { width, align: 'right' });

  const qrSize = 92;
  const qrY = bottom() - qrSize - 14;
  doc.image(qr, left, qrY, { width: qrSize, height: qrSize });
  doc.fontSize(9).fillColor(GREY).text(L.scan, left + qrSize + 10, qrY + 28, { width: 220 });
  doc.fontSize(7.5).text(liveUrl, left + qrSize + 10, doc.y + 2, { width: 260 });
  // The footer sits in the bottom margin: lift the margin while writing it, or pdfkit starts a page.
  const printed = shanghaiParts(ctx.kernel.clock.now());
  const footerY = bottom() + 20;
  doc.page.margins.bottom = 0;
  doc.fontSize(8).fillColor('#888888').text(`共治 Gongzhi · ${L.printed} ${printed.date} ${printed.time}`, left, footerY, { width, align: 'right', lineBreak: false });
  doc.end();
  return { title: n.title, pdf: await done };
}
