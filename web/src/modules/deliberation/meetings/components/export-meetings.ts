import type { TFunction } from 'i18next';
import type { Query } from '../../../../shared/api.ts';
import { apiGet } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../../../shared/xlsx.ts';
import type { MeetingRow } from '../api.ts';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 5_000;

/** The meetings of the current filter as an xlsx file (台账), in the list's order. */
export async function exportMeetingsXlsx(filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const fetchPage = (q: Query) => apiGet<{ items: MeetingRow[]; total: number; page: number; pageSize: number }>('/api/deliberation/meetings', q);
  const [rows, book] = await Promise.all([fetchAllPages(fetchPage, filter, EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('deliberationMeetings.list.exportSheet'), [
    { header: t('deliberationMeetings.field.title'), key: 'title', width: 40 },
    { header: t('deliberationMeetings.field.kind'), key: 'kind', width: 14 },
    { header: t('deliberationMeetings.field.startsAt'), key: 'startsAt', width: 17 },
    { header: t('deliberationMeetings.field.placeShort'), key: 'place', width: 24 },
    { header: t('deliberationMeetings.field.location'), key: 'location', width: 24 },
    { header: t('deliberationMeetings.page.convener'), key: 'convener', width: 24 },
    { header: t('deliberationMeetings.field.status'), key: 'status', width: 10 },
    { header: t('deliberationMeetings.field.items'), key: 'items', width: 8 },
    { header: t('deliberationMeetings.field.attendance'), key: 'signed', width: 8 },
    { header: t('deliberationMeetings.page.attendees'), key: 'attendees', width: 8 },
  ]);
  for (const m of rows) {
    sheet.addRow({
      title: m.title,
      kind: t(`deliberationMeetings.kind.${m.kind}`),
      startsAt: formatDateTime(m.startsAt),
      place: m.placeLabel ?? m.placeName,
      location: m.location,
      convener: m.convenerName,
      status: t(`deliberationMeetings.status.${m.status}`),
      items: m.agendaItems,
      signed: m.signedIn,
      attendees: m.attendees,
    });
  }
  await saveWorkbook(book, t('deliberationMeetings.list.exportFile'));
  return rows.length;
}
