import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import type { Locale } from '../../../kernel/errors.ts';
import { looksLikeHeader } from '../import/columns.ts';
import { issueMessage } from '../import/issues.ts';
import { readSheet } from '../import/read-file.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { jsonOf, loadImportFor, type StoredReport } from './import-access.ts';
import { read } from '../registry.db.ts';

/**
 * The report as a workbook a person can fix the file with: sheet 1 holds the rows with errors as
 * they were in the file, plus the file row number and an error column; sheet 2 lists every issue
 * (error or update) with row, column and message.
 */
export async function importReportXlsx(ctx: Ctx, id: string, locale: Locale): Promise<{ fileName: string; content: Buffer }> {
  const { row } = await loadImportFor(read(ctx), ctx, id);
  const report = jsonOf<StoredReport>(row.report);
  if (!report) throw RegistryErrors.IMPORT_NOT_FOUND();
  const en = locale === 'en';
  const book = new ExcelJS.Workbook();
  const errorsSheet = book.addWorksheet(en ? 'Rows with errors' : '错误行');
  const listSheet = book.addWorksheet(en ? 'All findings' : '问题清单');

  const content = await ctx.kernel.files.get(row.file_key);
  const sheet = content ? await readSheet(content, looksLikeHeader).catch(() => null) : null;
  const cellsOf = new Map((sheet?.rows ?? []).map((r) => [r.row, r.cells]));
  const headers = report.columns.map((c) => c.header || c.letter);
  const errorsByRow = new Map<number, string[]>();
  for (const i of report.issues) {
    if (i.level !== 'error') continue;
    const where = i.column ? `${i.column}${i.header ? ` ${i.header}` : ''}: ` : '';
    errorsByRow.set(i.row, [...(errorsByRow.get(i.row) ?? []), where + issueMessage(i, locale)]);
  }
  errorsSheet.addRow([en ? 'File row' : '文件行号', ...headers, en ? 'Errors' : '错误说明']);
  for (const [r, messages] of [...errorsByRow].sort((a, b) => a[0] - b[0])) {
    const cells = cellsOf.get(r) ?? [];
    errorsSheet.addRow([r, ...headers.map((_, i) => cells[i] ?? ''), messages.join('\n')]);
  }
  errorsSheet.getRow(1).font = { bold: true };
  errorsSheet.views = [{ state: 'frozen', ySplit: 1 }];
  errorsSheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 10 : i === headers.length + 1 ? 60 : 14;
    // ID numbers and mobiles stay text: Excel would otherwise round an 18-digit number.
    c.numFmt = '@';
  });
  errorsSheet.getColumn(headers.length + 2).alignment = { wrapText: true, vertical: 'top' };
  errorsSheet.getColumn(headers.length + 2).font = { color: { argb: 'FFC0392B' } };

  listSheet.addRow(en ? ['Row', 'Column', 'Header', 'Kind', 'Code', 'Message'] : ['行号', '列', '表头', '类型', '代码', '说明']);
  for (const i of report.issues) {
    listSheet.addRow([i.row || '', i.column ?? '', i.header ?? '', i.level === 'error' ? (en ? 'error' : '错误') : en ? 'update' : '将更新', i.code, issueMessage(i, locale)]);
  }
  listSheet.getRow(1).font = { bold: true };
  listSheet.views = [{ state: 'frozen', ySplit: 1 }];
  [8, 6, 14, 8, 26, 80].forEach((w, i) => {
    listSheet.getColumn(i + 1).width = w;
  });
  const base = row.file_name.replace(/\.(xlsx|csv|txt)$/i, '');
  return { fileName: `${base}_${en ? 'report' : '导入报告'}.xlsx`, content: Buffer.from(await book.xlsx.writeBuffer()) };
}
