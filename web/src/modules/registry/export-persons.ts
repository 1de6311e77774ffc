import type { TFunction } from 'i18next';
import type { Query } from '../../shared/api.ts';
import { saveBlob } from '../../shared/download.ts';
import { todayInShanghai } from '../../shared/format.ts';
import { fetchPersons, type PersonRow } from './api.ts';

const PAGE = 200;
/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 20_000;

/** Every person matching the current filter, page by page (the API caps a page at 200). */
async function fetchAll(filter: Query, onProgress: (done: number, total: number) => void): Promise<PersonRow[]> {
  const rows: PersonRow[] = [];
  for (let page = 1; ; page++) {
    const res = await fetchPersons({ ...filter, page, pageSize: PAGE });
    rows.push(...res.items);
    onProgress(rows.length, res.total);
    if (rows.length >= res.total || res.items.length === 0 || rows.length >= EXPORT_LIMIT) return rows;
  }
}

/** Writes the people of the current filter to an xlsx file, masked as the list shows them. */
export async function exportPersonsXlsx(filter: Query, t: TFunction, onProgress: (done: number, total: number) => void): Promise<number> {
  const [rows, excel] = await Promise.all([fetchAll(filter, onProgress), import('exceljs')]);
  const Workbook = excel.Workbook ?? (excel as unknown as { default: typeof excel }).default.Workbook;
  const book = new Workbook();
  const sheet = book.addWorksheet(t('person.exportSheet'));
  sheet.columns = [
    { header: t('person.name'), key: 'name', width: 14 },
    { header: t('person.phone'), key: 'phone', width: 16 },
    { header: t('person.idNumber'), key: 'idNumber', width: 22 },
    { header: t('person.tags'), key: 'tags', width: 24 },
    { header: t('person.householdCount'), key: 'householdCount', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const p of rows) {
    sheet.addRow({
      name: p.name,
      phone: p.phone ?? '',
      idNumber: p.idNumber ?? '',
      tags: (p.tags ?? []).map((tag) => t(`person.tag.${tag}`)).join('、'),
      householdCount: p.householdCount,
    });
  }
  const buffer = await book.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${t('person.exportFile')}_${todayInShanghai()}.xlsx`,
  );
  return rows.length;
}
