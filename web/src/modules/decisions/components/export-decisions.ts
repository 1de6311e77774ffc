import type { TFunction } from 'i18next';
import type { Query } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../../shared/xlsx.ts';
import { fetchDecisions } from '../api.ts';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 5_000;

/** The decisions of the current filter as an xlsx file, in the list's order. */
export async function exportDecisionsXlsx(filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const [rows, book] = await Promise.all([fetchAllPages(fetchDecisions, filter, EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('decisions.list.exportSheet'), [
    { header: t('decisions.field.title'), key: 'title', width: 40 },
    { header: t('decisions.field.place'), key: 'place', width: 24 },
    { header: t('decisions.field.status'), key: 'status', width: 10 },
    { header: t('decisions.field.opensAt'), key: 'opensAt', width: 17 },
    { header: t('decisions.field.closesAt'), key: 'closesAt', width: 17 },
    { header: t('decisions.list.totalHeads'), key: 'heads', width: 10 },
    { header: t('decisions.list.totalArea'), key: 'area', width: 14 },
    { header: t('decisions.field.ballots'), key: 'ballots', width: 12 },
    { header: t('decisions.field.createdAt'), key: 'createdAt', width: 17 },
  ]);
  for (const d of rows) {
    sheet.addRow({
      title: d.title,
      place: d.placeLabel ?? '',
      status: t(`decisions.status.${d.status}`),
      opensAt: formatDateTime(d.opensAt),
      closesAt: formatDateTime(d.closesAt),
      heads: d.totalHeads ?? '',
      // Hundredths of m² to m², as a number the sheet can sum.
      area: d.totalAreaCenti == null ? '' : d.totalAreaCenti / 100,
      ballots: d.ballots ?? 0,
      createdAt: formatDateTime(d.createdAt),
    });
  }
  await saveWorkbook(book, t('decisions.list.exportFile'));
  return rows.length;
}
