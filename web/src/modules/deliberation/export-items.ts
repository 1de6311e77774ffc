import type { TFunction } from 'i18next';
import type { Query } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../shared/xlsx.ts';
import { fetchItems } from './api.ts';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 10_000;

/** Writes the items of the current filter to an xlsx file, in the list's order. */
export async function exportItemsXlsx(filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const [rows, book] = await Promise.all([fetchAllPages(fetchItems, filter, EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('deliberation.list.exportSheet'), [
    { header: t('deliberation.field.code'), key: 'code', width: 14 },
    { header: t('deliberation.field.title'), key: 'title', width: 36 },
    { header: t('deliberation.field.place'), key: 'place', width: 14 },
    { header: t('deliberation.field.source'), key: 'source', width: 14 },
    { header: t('deliberation.field.stage'), key: 'stage', width: 12 },
    { header: t('deliberation.field.supporters'), key: 'supporters', width: 10 },
    { header: t('deliberation.field.createdAt'), key: 'createdAt', width: 18 },
    { header: t('deliberation.field.updatedAt'), key: 'updatedAt', width: 18 },
  ]);
  for (const i of rows) {
    sheet.addRow({
      code: i.code,
      title: i.title,
      place: i.placeName,
      source: t(`deliberation.source.${i.sourceKind}`),
      stage: t(`deliberation.stage.${i.stage}`),
      supporters: i.supporterCount,
      createdAt: formatDateTime(i.createdAt),
      updatedAt: formatDateTime(i.updatedAt),
    });
  }
  await saveWorkbook(book, `${t('deliberation.list.exportSheet')}.xlsx`);
  return rows.length;
}
