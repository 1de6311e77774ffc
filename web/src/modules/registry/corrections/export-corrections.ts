import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../shared/format.ts';
import type { Query } from '../../../shared/api.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../../shared/xlsx.ts';
import { fetchCorrections } from './api.ts';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 20_000;

/** Writes the correction requests of the current filter to an xlsx file, ordered as the list shows them. */
export async function exportCorrectionsXlsx(filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const [rows, book] = await Promise.all([fetchAllPages(fetchCorrections, filter, EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('correction.exportSheet'), [
    { header: t('correction.person'), key: 'person', width: 14 },
    { header: t('correction.place'), key: 'place', width: 18 },
    { header: t('correction.fieldLabel'), key: 'field', width: 16 },
    { header: t('correction.request'), key: 'request', width: 40 },
    { header: t('correction.statusLabel'), key: 'status', width: 10 },
    { header: t('correction.createdAt'), key: 'createdAt', width: 18 },
    { header: t('correction.answer'), key: 'answer', width: 40 },
    { header: t('correction.answeredAt'), key: 'answeredAt', width: 18 },
  ]);
  for (const c of rows) {
    sheet.addRow({
      person: c.personName,
      place: c.placeName,
      field: t(`correction.field.${c.field}`),
      request: c.request,
      status: t(`correction.status.${c.status}`),
      createdAt: formatDateTime(c.createdAt),
      answer: c.answer ?? '',
      answeredAt: c.answeredAt ? formatDateTime(c.answeredAt) : '',
    });
  }
  await saveWorkbook(book, t('correction.exportFile'));
  return rows.length;
}
