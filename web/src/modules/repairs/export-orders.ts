import type { TFunction } from 'i18next';
import type { Query } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../shared/xlsx.ts';
import { fetchOrders } from './api.ts';
import { yuan } from './format.ts';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 20_000;

/** The orders of the current filter as an xlsx file, phones masked and ordered as the list shows them. */
export async function exportOrdersXlsx(filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const [rows, book] = await Promise.all([fetchAllPages(fetchOrders, filter, EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('repairs.list.exportSheet'), [
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
  ]);
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
  await saveWorkbook(book, t('repairs.list.exportFile'));
  return rows.length;
}
