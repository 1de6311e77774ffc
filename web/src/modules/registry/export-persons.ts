import type { TFunction } from 'i18next';
import type { Query } from '../../shared/api.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../shared/xlsx.ts';
import { fetchPersons } from './api.ts';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 20_000;

/** Writes the people of the current filter to an xlsx file, masked and ordered as the list shows them. */
export async function exportPersonsXlsx(filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const [rows, book] = await Promise.all([fetchAllPages(fetchPersons, filter, EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('person.exportSheet'), [
    { header: t('person.name'), key: 'name', width: 14 },
    { header: t('person.phone'), key: 'phone', width: 16 },
    { header: t('person.idNumber'), key: 'idNumber', width: 22 },
    { header: t('person.tags'), key: 'tags', width: 24 },
    { header: t('person.rooms'), key: 'rooms', width: 36 },
    { header: t('person.householdCount'), key: 'householdCount', width: 10 },
  ]);
  for (const p of rows) {
    sheet.addRow({
      name: p.name,
      phone: p.phone ?? '',
      idNumber: p.idNumber ?? '',
      tags: (p.tags ?? []).map((tag) => t(`person.tag.${tag}`)).join('、'),
      rooms: p.rooms.map((r) => `${r.label}（${t(`household.relation.${r.relation}`)}）`).join('；'),
      householdCount: p.householdCount,
    });
  }
  await saveWorkbook(book, t('person.exportFile'));
  return rows.length;
}
