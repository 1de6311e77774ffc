import type { TFunction } from 'i18next';
import { addSheet, newWorkbook, saveWorkbook } from '../../shared/xlsx.ts';
import type { Rates } from './api.ts';

/** The rows of one level of the activation-rate table, with its total, as an xlsx file. */
export async function exportRatesXlsx(rates: Rates, placeName: string, t: TFunction): Promise<number> {
  const book = await newWorkbook();
  const sheet = addSheet(book, t('activation.rates.title'), [
    { header: t('activation.rates.place'), key: 'name', width: 24 },
    { header: t('activation.rates.kind'), key: 'kind', width: 10 },
    { header: t('activation.rates.households'), key: 'households', width: 12 },
    { header: t('activation.rates.activated'), key: 'activated', width: 12 },
    { header: t('activation.rates.rate'), key: 'rate', width: 12, style: { numFmt: '0.0%' } },
  ]);
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
  await saveWorkbook(book, `${t('activation.rates.exportFile')}_${placeName}`);
  return rates.items.length;
}
