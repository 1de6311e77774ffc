import type { Locale } from '../errors.ts';
import { cjkDocument, qrPng } from '../pdf/document.ts';
import { cjkFont } from '../pdf/fonts.ts';
import type { PublicPayload, PublicSection } from './payload.ts';

const LABELS = {
  'zh-CN': { updated: '更新于', scan: '扫码查看实时公示', printed: '打印于', none: '暂无', reply: '答复' },
  en: { updated: 'Updated', scan: 'Scan for the live page', printed: 'Printed', none: 'None', reply: 'Answer' },
};
const GREY = '#555555';
const ACCENT = '#1f5fa8';

/** A time as people in China read it: "2026-11-22 09:30". */
export function shanghaiTime(at: Date | string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * Any public page printed (A4), for a lobby board: its title, place and update time, its sections in
 * order (text, facts, tables, lists), and a QR code to the live page in the bottom corner.
 */
export async function renderPublicPdf(payload: PublicPayload, opts: { locale: Locale; liveUrl: string; now: Date }): Promise<Buffer> {
  cjkFont(); // fails early with PDF_FONT_MISSING when the server has no Chinese font
  const L = LABELS[opts.locale];
  const qr = await qrPng(opts.liveUrl);
  const { doc, bytes: done } = cjkDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: payload.title, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const room = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.rect(0, 0, doc.page.width, 8).fill(ACCENT);
  doc.fillColor('#000000').fontSize(22).text(payload.title, left, 48, { width, align: 'center' });
  if (payload.subtitle) doc.moveDown(0.2).fontSize(12).fillColor(GREY).text(payload.subtitle, { width, align: 'center' });
  const line = [payload.place, `${L.updated} ${shanghaiTime(payload.updatedAt)}`].filter(Boolean).join('　');
  doc.moveDown(0.3).fontSize(10).fillColor(GREY).text(line, { width, align: 'center' });
  doc.moveDown(0.8);

  for (const s of payload.sections) {
    room(60);
    if (s.heading) {
      doc.moveDown(0.4).fontSize(14).fillColor(ACCENT).text(s.heading, left, doc.y, { width });
      doc.moveDown(0.2);
    }
    doc.fillColor('#000000');
    drawSection(doc, s, { left, width, room, none: L.none, reply: L.reply });
  }

  // The QR code and its line, at the foot of the last page.
  const qrSize = 88;
  if (doc.y + qrSize + 24 > bottom()) doc.addPage();
  const qrY = bottom() - qrSize;
  doc.image(qr, left, qrY, { width: qrSize, height: qrSize });
  doc.fontSize(10).fillColor(GREY).text(L.scan, left + qrSize + 10, qrY + 26, { width: 260 });
  doc.fontSize(7.5).text(opts.liveUrl, left + qrSize + 10, doc.y + 2, { width: 300 });
  // The footer sits in the bottom margin: lift the margin while writing it, or pdfkit starts a page.
  const footerY = bottom() + 20;
  doc.page.margins.bottom = 0;
  doc.fontSize(8).fillColor('#888888').text(`共治 Gongzhi · ${L.printed} ${shanghaiTime(opts.now)}`, left, footerY, { width, align: 'right', lineBreak: false });
  doc.end();
  return done;
}

function drawSection(doc: PDFKit.PDFDocument, s: PublicSection, at: { left: number; width: number; room: (h: number) => void; none: string; reply: string }) {
  const { left, width, room } = at;
  switch (s.kind) {
    case 'text':
      doc.fontSize(12);
      for (const para of s.text.split(/\r?\n/)) {
        if (!para.trim()) doc.moveDown(0.4);
        else doc.text(para.trim(), left, doc.y, { width, lineGap: 4, paragraphGap: 4 });
      }
      break;
    case 'facts':
      doc.fontSize(12);
      for (const f of s.facts) {
        room(20);
        doc.fillColor(GREY).text(`${f.label}：`, left, doc.y, { width, continued: true }).fillColor('#000000').text(f.value);
      }
      break;
    case 'table': {
      const colWidth = width / Math.max(1, s.columns.length);
      const row = (cells: (string | number | null)[], header: boolean) => {
        room(22);
        const y = doc.y;
        doc.fontSize(10.5).fillColor(header ? GREY : '#000000');
        let h = 0;
        cells.forEach((c, i) => {
          const text = c === null ? '—' : String(c);
          doc.text(text, left + i * colWidth + 2, y, { width: colWidth - 4 });
          h = Math.max(h, doc.y - y);
          doc.y = y;
        });
        doc.y = y + h + 4;
        doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).lineWidth(0.4).strokeColor('#cccccc').stroke();
      };
      row(s.columns, true);
      for (const r of s.rows) row(r, false);
      if (s.rows.length === 0) doc.fontSize(10.5).fillColor(GREY).text(at.none, left, doc.y, { width });
      break;
    }
    case 'list':
      if (s.items.length === 0) doc.fontSize(11).fillColor(GREY).text(s.empty ?? at.none, left, doc.y, { width });
      s.items.forEach((item, i) => {
        room(44);
        doc.fontSize(12).fillColor('#000000').text(`${i + 1}. ${item.title}`, left, doc.y, { width });
        const meta = [item.meta, item.by].filter(Boolean).join(' · ');
        if (meta) doc.fontSize(9.5).fillColor(GREY).text(meta, left + 16, doc.y, { width: width - 16 });
        if (item.text) doc.fontSize(10.5).fillColor('#000000').text(item.text, left + 16, doc.y, { width: width - 16, lineGap: 2 });
        if (item.reply) doc.fontSize(10.5).fillColor(ACCENT).text(`${at.reply}：${item.reply}`, left + 16, doc.y, { width: width - 16, lineGap: 2 });
        doc.moveDown(0.4);
      });
      break;
  }
  doc.moveDown(0.3);
}
