import type { TFunction } from 'i18next';
import { apiGet, type Page, type Query } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { addSheet, type ExportProgress, fetchAllPages, newWorkbook, saveWorkbook } from '../../../../shared/xlsx.ts';
import { type PaperBallot, roomsText } from '../api.ts';

/** Beyond this an export belongs in a background job, not a browser tab. */
export const PAPER_EXPORT_LIMIT = 5_000;

/** The paper and proxy ballots of the current filter as an xlsx file, in the list's order: the record of the checks. */
export async function exportPaperBallotsXlsx(decisionId: string, filter: Query, t: TFunction, onProgress: ExportProgress): Promise<number> {
  const fetchPage = (q: Query) => apiGet<Page<PaperBallot>>(`/api/decisions/${decisionId}/paper-ballots`, q);
  const [rows, book] = await Promise.all([fetchAllPages(fetchPage, filter, PAPER_EXPORT_LIMIT, onProgress), newWorkbook()]);
  const sheet = addSheet(book, t('decisionsPaper.ballots.exportSheet'), [
    { header: t('decisionsPaper.ballots.code'), key: 'code', width: 12 },
    { header: t('decisionsPaper.ballots.entryNo'), key: 'entryNo', width: 8 },
    { header: t('decisionsPaper.sheets.rooms'), key: 'rooms', width: 36 },
    { header: t('decisionsPaper.ballots.channel'), key: 'channel', width: 16 },
    { header: t('decisionsPaper.ballots.choices'), key: 'choices', width: 28 },
    { header: t('decisionsPaper.ballots.statusCol'), key: 'status', width: 12 },
    { header: t('decisionsPaper.ballots.enteredAt'), key: 'entered', width: 28 },
    { header: t('decisionsPaper.ballots.checked'), key: 'checked', width: 28 },
    { header: t('decisionsPaper.ballots.mismatchCol'), key: 'mismatch', width: 30 },
    { header: 'SHA-256', key: 'sha', width: 20 },
  ]);
  for (const b of rows) {
    const choices = b.choices
      ? Object.entries(b.choices)
          .sort(([x], [y]) => Number(x) - Number(y))
          .map(([no, c]) => `${no}. ${t(`decisionsPaper.choice.${c}`)}`)
          .join('；')
      : t('decisionsPaper.ballots.invalid', { reason: b.invalidReason ? t(`decisionsPaper.invalidReason.${b.invalidReason}`) : '—' }) + (b.invalidNote ? `（${b.invalidNote}）` : '');
    sheet.addRow({
      code: b.sheetCode ?? '',
      entryNo: b.entryNo,
      rooms: `${roomsText(b.rooms)} ${b.label}`,
      channel: t(`decisionsPaper.channel.${b.channel}`) + (b.proxyName ? ` ${t('decisionsPaper.ballots.byProxy', { name: b.proxyName })}` : ''),
      choices,
      status: t(`decisionsPaper.ballotStatus.${b.status}`),
      entered: `${b.enteredBy ?? ''} ${formatDateTime(b.enteredAt)}`,
      checked: b.checkedAt ? `${b.checkedBy ?? ''} ${formatDateTime(b.checkedAt)}` : '',
      mismatch: b.mismatchNote ?? '',
      sha: b.scanSha256 ?? '',
    });
  }
  await saveWorkbook(book, t('decisionsPaper.ballots.exportFile'));
  return rows.length;
}
