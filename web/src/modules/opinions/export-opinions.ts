import type { TFunction } from 'i18next';
import type { Query } from '../../shared/api.ts';
import { saveBlob } from '../../shared/download.ts';
import { formatDateTime, todayInShanghai } from '../../shared/format.ts';
import { fetchInbox, type OpinionRow } from './api.ts';
import { shownStatus } from './components/labels.tsx';

const PAGE = 200;
/** Beyond this an export belongs in a background job, not a browser tab. */
export const EXPORT_LIMIT = 10_000;

async function fetchAll(filter: Query, onProgress: (done: number, total: number) => void): Promise<OpinionRow[]> {
  const rows: OpinionRow[] = [];
  for (let page = 1; ; page++) {
    const res = await fetchInbox({ ...filter, page, pageSize: PAGE });
    rows.push(...res.items);
    onProgress(rows.length, res.total);
    if (rows.length >= res.total || res.items.length === 0 || rows.length >= EXPORT_LIMIT) return rows;
  }
}

/** Writes the opinions of the current filter to an xlsx file, as the inbox shows them. */
export async function exportOpinionsXlsx(filter: Query, t: TFunction, onProgress: (done: number, total: number) => void): Promise<number> {
  const [rows, excel] = await Promise.all([fetchAll(filter, onProgress), import('exceljs')]);
  const Workbook = excel.Workbook ?? (excel as unknown as { default: typeof excel }).default.Workbook;
  const book = new Workbook();
  const sheet = book.addWorksheet(t('opinion.exportSheet'));
  sheet.columns = [
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
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
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
  const buffer = await book.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${t('opinion.exportFile')}_${todayInShanghai()}.xlsx`,
  );
  return rows.length;
}
