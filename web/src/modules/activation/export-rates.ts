import type { TFunction } from 'i18next';
import { saveBlob } from '../../shared/download.ts';
import { todayInShanghai } from '../../shared/format.ts';
import type { Rates } from './api.ts';

/** The rows of one level of the activation-rate table, with its total, as an xlsx file. */
export async function exportRatesXlsx(rates: Rates, placeName: string, t: TFunction): Promise<number> {
  const excel = await import('exceljs');
  const Workbook = excel.Workbook ?? (excel as unknown as { default: typeof excel }).default.Workbook;
  const book = new Workbook();
  const sheet = book.addWorksheet(t('activation.rates.title'));
  sheet.columns = [
    { header: t('activation.rates.place'), key: 'name', width: 24 },
    { header: t('activation.rates.kind'), key: 'kind', width: 10 },
    { header: t('activation.rates.households'), key: 'households', width: 12 },
    { header: t('activation.rates.activated'), key: 'activated', width: 12 },
    { header: t('activation.rates.rate'), key: 'rate', width: 12, style: { numFmt: '0.0%' } },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rates.items) {
    sheet.addRow({ name: r.name, kind: t(`place.kind.${r.kind}`), households: r.households, activated: r.activated, rate: r.rate ?? '' });
  }
  const total = sheet.addRow({
    name: `${placeName}（${t('common.total', { total: rates.items.length })}）`,
    kind: '',
    households: rates.totals.households,
    activated: rates.totals.activated,
    rate: rates.totals.rate ?? '',
  });
  total.font = { bold: true };
  const buffer = await book.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${t('activation.rates.exportFile')}_${placeName}_${todayInShanghai()}.xlsx`,
  );
  return rates.items.length;
}
