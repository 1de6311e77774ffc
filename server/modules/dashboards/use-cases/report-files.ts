import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import type { DispatchReport } from './report-build.ts';
import { readableReport } from './report-read.ts';
import {
  dayLabel,
  FIGURE_HEADERS,
  figureLines,
  LAGGING_HEADERS,
  laggingLines,
  monthLabel,
  reportTitle,
  sheetName,
  WATCH_HEADERS,
  watchSections,
} from './report-rows.ts';

/** Items per watch source in the PDF (the workbook lists every kept one; the total is always printed). */
export const PDF_WATCH_ITEMS = 20;

const fileNameOf = (r: DispatchReport, ext: string) => `${r.place.name}${r.period}月度调度通报.${ext}`;

/**
 * The report as a workbook, a sheet per topic: 「指标」 (every figure: this month, its parts, last month, the change,
 * the same month last year, the change, the lagging places), 「落后地点」 (a line per lagging place), then a sheet per
 * watch source named by its title. Values are numbers (a percentage as its points), empty when unknown.
 */
export async function reportWorkbook(r: DispatchReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongzhi 共治';
  wb.title = reportTitle(r);
  const taken = new Set<string>();
  const figures = wb.addWorksheet(sheetName('指标', taken));
  figures.columns = FIGURE_HEADERS.map((header, i) => ({ header, width: [26, 6, 10, 14, 10, 10, 10, 10, 40, 30][i] }));
  figures.getRow(1).font = { bold: true };
  for (const f of figureLines(r)) figures.addRow([f.name, f.unit, f.current, f.parts, f.previous, f.change, f.lastYear, f.changeYear, f.lagging, f.key]);
  figures.views = [{ state: 'frozen', ySplit: 1 }];

  const lagging = wb.addWorksheet(sheetName('落后地点', taken));
  lagging.columns = LAGGING_HEADERS.map((header, i) => ({ header, width: [26, 10, 6, 24, 10, 14][i] }));
  lagging.getRow(1).font = { bold: true };
  for (const l of laggingLines(r)) lagging.addRow([l.figure, l.own, l.rank, l.place, l.value, l.parts]);

  for (const w of watchSections(r)) {
    const sheet = wb.addWorksheet(sheetName(w.title, taken));
    sheet.columns = [...WATCH_HEADERS, '链接'].map((header, i) => ({ header, width: [40, 24, 20, 12, 12, 30][i] }));
    sheet.getRow(1).font = { bold: true };
    for (const i of w.lines) sheet.addRow([i.title, i.place, i.holder, i.since, i.due, i.link]);
    sheet.addRow([]);
    sheet.addRow([`共 ${w.total} 项${w.total > w.lines.length ? `，列出最早的 ${w.lines.length} 项` : ''}`, w.definition]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A table on the PDF: a header row, then rows; a row that would cross the page's foot starts a new page, header again. */
function table(doc: PDFKit.PDFDocument, headers: readonly string[], widths: number[], rows: string[][]) {
  const left = doc.page.margins.left;
  const pad = 3;
  const draw = (cells: readonly string[], bold: boolean) => {
    doc.fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) draw(headers, true);
    }
    const y = doc.y;
    let x = left;
    if (bold) doc.rect(left, y, widths.reduce((a, b) => a + b, 0), height).fill('#eeeeee').fillColor('#000000');
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i]!, height).lineWidth(0.5).stroke('#999999');
      doc.fillColor('#000000').text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + height;
  };
  draw(headers, true);
  for (const r of rows) draw(r, false);
}

/**
 * The report as a PDF (A4 landscape): its title 「<place> <YYYY年M月> 月度调度通报」, the figures table, the lagging
 * places, each watch source's first items with its total, and a QR code to the report's live page.
 */
export async function reportPdf(r: DispatchReport, pageUrl: string): Promise<Buffer> {
  const qr = await qrPng(pageUrl);
  const { doc, bytes } = cjkDocument({ size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 40, left: 40, right: 40 }, info: { Title: reportTitle(r), Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.image(qr, left + width - 70, 30, { width: 70 });
  doc.fontSize(18).text(reportTitle(r), left, 40, { width: width - 80, align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor('#555555')
    .text(
      `对比：上月 ${monthLabel(r.previousPeriod)}，去年同月 ${monthLabel(r.lastYearPeriod)}。指标取自月度快照（快照时间 ${dayLabel(r.takenAt)}），生成于 ${dayLabel(r.builtAt)}。扫描右上角二维码查看在线通报。`,
      { width: width - 80, align: 'center' },
    )
    .fillColor('#000000');
  doc.moveDown(1).fontSize(13).text('一、指标', left);
  doc.moveDown(0.3);
  const lines = figureLines(r);
  table(
    doc,
    FIGURE_HEADERS.slice(0, 9),
    [150, 36, 62, 70, 62, 56, 62, 56, width - 554],
    lines.map((f) => [f.name, f.unit, f.text.current, f.parts, f.text.previous, f.text.change, f.text.lastYear, f.text.changeYear, f.lagging || '—']),
  );
  doc.moveDown(1).fontSize(13).text('二、落后地点', left);
  doc.moveDown(0.3);
  const lagging = laggingLines(r);
  if (lagging.length) table(doc, LAGGING_HEADERS, [200, 70, 40, 200, 80, width - 590], lagging.map((l) => [l.figure, l.own, String(l.rank), l.place, l.value, l.parts]));
  else doc.fontSize(10).text('本月无落后于本级的下级地点。', left);
  doc.moveDown(1).fontSize(13).text('三、未办结与逾期事项', left);
  const sections = watchSections(r);
  if (!sections.length) doc.moveDown(0.3).fontSize(10).text('无。', left);
  for (const w of sections) {
    doc.moveDown(0.6).fontSize(11).text(`${w.title}（共 ${w.total} 项）`, left);
    doc.fontSize(8.5).fillColor('#555555').text(w.definition, left, undefined, { width }).fillColor('#000000');
    doc.moveDown(0.3);
    const shown = w.lines.slice(0, PDF_WATCH_ITEMS);
    if (shown.length) table(doc, WATCH_HEADERS, [width - 400, 130, 130, 70, 70], shown.map((i) => [i.title, i.place, i.holder, i.since, i.due]));
    if (w.total > shown.length) doc.moveDown(0.2).fontSize(9).text(`另有 ${w.total - shown.length} 项未列出，见工作台。`, left);
  }
  doc.end();
  return bytes;
}

/** GET …/report.xlsx: a kept report as its workbook (officials of the place; not audited: figures carry no personal data). */
export async function exportReportXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const { report } = await readableReport(ctx, id);
  return { fileName: fileNameOf(report, 'xlsx'), content: await reportWorkbook(report) };
}

/** GET …/report.pdf: a kept report printed, with a QR code to its live page. */
export async function exportReportPdf(ctx: Ctx, id: string, pageUrl: (id: string) => string): Promise<{ fileName: string; content: Buffer }> {
  const { report } = await readableReport(ctx, id);
  return { fileName: fileNameOf(report, 'pdf'), content: await reportPdf(report, pageUrl(id)) };
}
