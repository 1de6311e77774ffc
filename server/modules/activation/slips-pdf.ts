import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { useCjkFont } from '../../kernel/pdf/fonts.ts';
import { formatCode } from './activation.constants.ts';

/**
 * Activation slips (住户激活单): A4 pages of eight slips, one household each, cut apart along the
 * dashed lines. Each slip names the room, carries a QR code of the activation link with the code
 * prefilled, the short code for typing, and three lines of instructions in Chinese.
 */
export interface Slip {
  compound: string;
  building: string;
  unit: string;
  room: string;
  code: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 24;
const COLS = 2;
const ROWS = 4;
const RED = '#b8292f';
const INK = '#1f1f1f';
const GREY = '#555555';

/** The QR code as vector squares (crisp at any printer resolution, small files). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++) {
    // One rectangle per run of dark modules in a row.
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fill().restore();
}

export async function renderSlips(
  slips: Slip[],
  opts: { baseUrl: string; title: string; printedOn: string; onProgress?: (done: number, total: number) => Promise<void> },
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: opts.title, Author: '共治 Gongzhi' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const perPage = COLS * ROWS;
  const pages = Math.max(1, Math.ceil(slips.length / perPage));
  const w = (A4.width - MARGIN * 2) / COLS;
  const h = (A4.height - MARGIN * 2) / ROWS;
  const link = `${opts.baseUrl}/h5/activate`;

  for (let i = 0; i < slips.length; i++) {
    if (i % perPage === 0) {
      doc.addPage();
      if (i === 0) useCjkFont(doc);
      // Cut lines between the slips.
      doc.save().lineWidth(0.5).strokeColor('#9a9a9a').dash(4, { space: 3 });
      for (let c = 0; c <= COLS; c++) doc.moveTo(MARGIN + c * w, MARGIN).lineTo(MARGIN + c * w, A4.height - MARGIN).stroke();
      for (let r = 0; r <= ROWS; r++) doc.moveTo(MARGIN, MARGIN + r * h).lineTo(A4.width - MARGIN, MARGIN + r * h).stroke();
      doc.restore();
      const page = Math.floor(i / perPage) + 1;
      doc.fontSize(7).fillColor(GREY).text(`${opts.title} · 第 ${page}/${pages} 页 · 打印于 ${opts.printedOn}`, MARGIN, A4.height - MARGIN + 8, {
        width: A4.width - MARGIN * 2,
        align: 'center',
        lineBreak: false,
      });
    }
    const s = slips[i]!;
    const k = i % perPage;
    const x = MARGIN + (k % COLS) * w;
    const y = MARGIN + Math.floor(k / COLS) * h;
    const pad = 12;

    doc.fillColor(RED).fontSize(11).text('共治 · 住户激活单', x + pad, y + pad, { width: w - pad * 2, lineBreak: false });
    doc.fillColor(GREY).fontSize(8).text('党建引领 · 共建共治共享', x + pad, y + pad + 2, { width: w - pad * 2, align: 'right', lineBreak: false });
    doc.fillColor(INK).fontSize(9).text(s.compound, x + pad, y + pad + 20, { width: w - pad * 2, lineBreak: false, ellipsis: true });
    doc.fontSize(15).text(`${s.building} ${s.unit} ${s.room}`, x + pad, y + pad + 33, { width: w - pad * 2, lineBreak: false, ellipsis: true });

    const qrSize = 98;
    const qrY = y + pad + 54;
    drawQr(doc, `${link}?code=${s.code}`, x + pad - 4, qrY, qrSize);

    const tx = x + pad + qrSize + 6;
    const tw = w - (tx - x) - pad;
    doc.fillColor(GREY).fontSize(8).text('激活码', tx, qrY + 4, { width: tw, lineBreak: false });
    doc.fillColor(INK).fontSize(17).text(formatCode(s.code), tx, qrY + 15, { width: tw, lineBreak: false, characterSpacing: 1 });
    doc.fillColor(INK).fontSize(7.5);
    const steps = [
      '1. 用手机扫描左侧二维码（或在浏览器打开下方网址，输入激活码）；',
      '2. 用本人手机号注册，设置登录密码；',
      '3. 填写本户登记人员的姓名和身份证号后四位，完成激活。',
    ];
    doc.text(steps.join('\n'), tx, qrY + 40, { width: tw, lineGap: 1.5 });
    doc.fillColor(GREY).fontSize(7).text(`网址：${link}`, x + pad, qrY + qrSize + 3, { width: w - pad * 2, lineBreak: false, ellipsis: true });
    doc.text('本单仅限本户使用，请妥善保管；如有疑问请联系社区居委会。', x + pad, qrY + qrSize + 13, { width: w - pad * 2, lineBreak: false, ellipsis: true });
    await opts.onProgress?.(i + 1, slips.length);
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
