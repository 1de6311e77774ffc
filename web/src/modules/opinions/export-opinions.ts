import type { TFunction } from 'i18next';
import type { Query } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../shared/xlsx.ts';
import { fetchInbox } from './api.ts';
import { shownStatus } from './components/labels.tsx';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 10_000;

/** Writes the opinions of the current filter to an xlsx file, as the inbox shows them (in its order). */
export async function exportOpinionsXlsx(filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const [rows, book] = await Promise.all([fetchAllPages(fetchInbox, filter, EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('opinion.exportSheet'), [
    { header: t('opinion.postedAt'), key: 'createdAt', width: 18 },
    { header: t('opinion.compound'), key: 'compound', width: 14 },
    { header: t('opinion.room'), key: 'room', width: 18 },
    { header: t('opinion.author'), key: 'author', width: 10 },
    { header: t('opinion.kindLabel'), key: 'kind', width: 10 },
    { header: t('opinion.visibilityLabel'), key: 'visibility', width: 8 },
    { header: t('opinion.addresseeLabel'), key: 'addressee', width: 18 },
    { header: t('opinion.title'), key: 'title', width: 28 },
    { header: t('opinion.body'), key: 'body', width: 50 },
    { header: t('opinion.meTooShort'), key: 'meToo', width: 8 },
    { header: t('opinion.statusLabel'), key: 'status', width: 10 },
    { header: t('opinion.answer'), key: 'answer', width: 40 },
    { header: t('opinion.answeredAt'), key: 'answeredAt', width: 18 },
    { header: t('opinion.rating'), key: 'rating', width: 8 },
    { header: t('opinion.hideReason'), key: 'hiddenReason', width: 24 },
  ]);
  for (const o of rows) {
    sheet.addRow({
      createdAt: formatDateTime(o.createdAt),
      compound: o.compoundName,
      room: o.roomLabel ?? '',
      author: o.authorName,
      kind: t(`opinion.kind.${o.kind}`),
      visibility: t(`opinion.visibilityShort.${o.visibility}`),
      addressee: o.addresseeName ?? t(`opinion.addressee.${o.addressee}`),
      title: o.title,
      body: o.body,
      meToo: o.meTooCount,
      status: t(`opinion.status.${shownStatus(o)}`),
      answer: o.answer ?? '',
      answeredAt: formatDateTime(o.answeredAt),
      rating: o.rating ?? '',
      hiddenReason: o.hiddenReason ?? '',
    });
  }
  sheet.getColumn('body').alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn('answer').alignment = { wrapText: true, vertical: 'top' };
  await saveWorkbook(book, t('opinion.exportFile'));
  return rows.length;
}
