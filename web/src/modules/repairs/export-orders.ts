import type { TFunction } from 'i18next';
import type { Query } from '../../shared/api.ts';
import { saveBlob } from '../../shared/download.ts';
import { formatDateTime, todayInShanghai } from '../../shared/format.ts';
import { fetchOrders, type OrderRow } from './api.ts';
import { yuan } from './format.ts';

const PAGE = 200;
/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 20_000;

async function fetchAll(filter: Query, onProgress: (done: number, total: number) => void): Promise<OrderRow[]> {
  const rows: OrderRow[] = [];
  for (let page = 1; ; page++) {
    const res = await fetchOrders({ ...filter, page, pageSize: PAGE });
    rows.push(...res.items);
    onProgress(rows.length, res.total);
    if (rows.length >= res.total || res.items.length === 0 || rows.length >= EXPORT_LIMIT) return rows;
  }
}

/** Loads exceljs only when someone exports: it is large and most visits never need it. */
export async function newWorkbook() {
  const excel = await import('exceljs');
  const Workbook = excel.Workbook ?? (excel as unknown as { default: typeof excel }).default.Workbook;
  return new Workbook();
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The orders of the current filter as an xlsx file, phones masked as the list shows them. */
export async function exportOrdersXlsx(filter: Query, t: TFunction, onProgress: (done: number, total: number) => void): Promise<number> {
  const [rows, book] = await Promise.all([fetchAll(filter, onProgress), newWorkbook()]);
  const sheet = book.addWorksheet(t('repairs.list.exportSheet'));
  sheet.columns = [
    { header: t('repairs.field.no'), key: 'no', width: 20 },
    { header: t('repairs.field.compound'), key: 'compound', width: 14 },
    { header: t('repairs.field.place'), key: 'place', width: 22 },
    { header: t('repairs.field.category'), key: 'category', width: 12 },
    { header: t('repairs.field.description'), key: 'description', width: 36 },
    { header: t('repairs.field.status'), key: 'status', width: 12 },
    { header: t('repairs.field.overdue'), key: 'overdue', width: 8 },
    { header: t('repairs.field.channel'), key: 'channel', width: 12 },
    { header: t('repairs.field.contact'), key: 'contact', width: 10 },
    { header: t('repairs.field.contactPhone'), key: 'phone', width: 15 },
    { header: t('repairs.field.reportedAt'), key: 'reportedAt', width: 17 },
    { header: t('repairs.field.acceptedAt'), key: 'acceptedAt', width: 17 },
    { header: t('repairs.field.finishedAt'), key: 'finishedAt', width: 17 },
    { header: t('repairs.field.assignee'), key: 'assignee', width: 10 },
    { header: t('repairs.field.price'), key: 'price', width: 10 },
    { header: t('repairs.field.rating'), key: 'rating', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const o of rows) {
    sheet.addRow({
      no: o.no,
      compound: o.compoundName,
      place: o.placeLabel ?? o.compoundName,
      category: t(`repairs.category.${o.category}`),
      description: o.description,
      status: t(`repairs.status.${o.status}`),
      overdue: o.overdue ? t('repairs.overdue') : '',
      channel: t(`repairs.channel.${o.channel}`),
      contact: o.contactName ?? '',
      phone: o.contactPhone ?? '',
      reportedAt: formatDateTime(o.reportedAt),
      acceptedAt: formatDateTime(o.acceptedAt),
      finishedAt: formatDateTime(o.finishedAt),
      assignee: o.assigneeName ?? '',
      price: o.paidService && o.priceFen ? Number(yuan(o.priceFen)) : '',
      rating: o.rating ?? '',
    });
  }
  saveBlob(new Blob([await book.xlsx.writeBuffer()], { type: XLSX_TYPE }), `${t('repairs.list.exportFile')}_${todayInShanghai()}.xlsx`);
  return rows.length;
}
