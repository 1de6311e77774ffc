import type { TFunction } from 'i18next';
import type { Query } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../../../shared/xlsx.ts';
import { fetchFilings } from '../api.ts';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 5_000;

/** The filings of the current filter as an xlsx file, in the list's order. */
export async function exportFilingsXlsx(filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const [rows, book] = await Promise.all([fetchAllPages(fetchFilings, filter, EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('decisionsFiling.list.exportSheet'), [
    { header: t('decisionsFiling.field.decision'), key: 'title', width: 40 },
    { header: t('decisionsFiling.field.place'), key: 'place', width: 24 },
    { header: t('decisionsFiling.field.office'), key: 'office', width: 16 },
    { header: t('decisionsFiling.field.status'), key: 'status', width: 14 },
    { header: t('decisionsFiling.field.dueOn'), key: 'dueOn', width: 12 },
    { header: t('decisionsFiling.overdue'), key: 'overdue', width: 8 },
    { header: t('decisionsFiling.field.version'), key: 'version', width: 8 },
    { header: t('decisionsFiling.field.submittedAt'), key: 'submittedAt', width: 17 },
    { header: t('decisionsFiling.field.acknowledgedAt'), key: 'acknowledgedAt', width: 17 },
    { header: t('decisionsFiling.field.returnReason'), key: 'returnReason', width: 30 },
    { header: t('decisionsFiling.field.packageHash'), key: 'packageHash', width: 66 },
  ]);
  for (const f of rows) {
    sheet.addRow({
      title: f.title,
      place: f.placeLabel ?? '',
      office: t(`decisionsFiling.office.${f.office}`),
      status: t(`decisionsFiling.status.${f.status}`),
      dueOn: f.dueOn,
      overdue: f.overdue ? t('decisionsFiling.overdue') : '',
      version: f.version,
      submittedAt: formatDateTime(f.submittedAt),
      acknowledgedAt: formatDateTime(f.acknowledgedAt),
      returnReason: f.status === 'returned' ? (f.returnReason ?? '') : '',
      packageHash: f.packageHash ?? '',
    });
  }
  await saveWorkbook(book, t('decisionsFiling.list.exportFile'));
  return rows.length;
}
