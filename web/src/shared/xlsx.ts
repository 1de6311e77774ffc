import type { Column } from 'exceljs';
import type { Page, Query } from './api.ts';
import { saveBlob } from './download.ts';
import { todayInShanghai } from './format.ts';

/** What an export reports while it fetches: rows so far, rows in all. */
export type ExportProgress = (done: number, total: number) => void;

/** Every row of a list, in the list's filter and order, page by page (the API caps a page at 200), up to `limit`. */
export async function fetchAllPages<T>(fetchPage: (q: Query) => Promise<Page<T>>, filter: Query, limit: number, onProgress: ExportProgress): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const res = await fetchPage({ ...filter, page, pageSize: 200 });
    rows.push(...res.items);
    onProgress(rows.length, res.total);
    if (rows.length >= res.total || res.items.length === 0 || rows.length >= limit) return rows;
  }
}

/** A workbook: exceljs is large and most visits never export, so it loads only when someone does. */
export async function newWorkbook() {
  const excel = await import('exceljs');
  const Workbook = excel.Workbook ?? (excel as unknown as { default: typeof excel }).default.Workbook;
  return new Workbook();
}
type Workbook = Awaited<ReturnType<typeof newWorkbook>>;

/** A sheet whose first row, the column headers, is bold and stays in view. */
export function addSheet(book: Workbook, name: string, columns: Partial<Column>[]) {
  const sheet = book.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return sheet;
}

/** Saves the workbook as `<name>_<today in China>.xlsx`. */
export async function saveWorkbook(book: Workbook, name: string): Promise<void> {
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  saveBlob(new Blob([await book.xlsx.writeBuffer()], { type }), `${name}_${todayInShanghai()}.xlsx`);
}
