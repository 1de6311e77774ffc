import type { TFunction } from 'i18next';
import { addSheet, newWorkbook, saveWorkbook } from '../../shared/xlsx.ts';
import type { Figures } from './api.ts';
import { bpToPercent, centiToRating } from './format.ts';

type Row = Figures['total'];

/** The figures on screen as an xlsx file: one sheet per company, one per compound. */
export async function exportFiguresXlsx(figures: Figures, period: string, t: TFunction): Promise<void> {
  const book = await newWorkbook();
  const columns = [
    { header: t('repairs.figures.total'), key: 'total', width: 9 },
    { header: t('repairs.figures.open'), key: 'open', width: 9 },
    { header: `${t('repairs.figures.avgResponse')} (min)`, key: 'avgResponseMinutes', width: 16 },
    { header: `${t('repairs.figures.avgCompletion')} (min)`, key: 'avgCompletionMinutes', width: 16 },
    { header: t('repairs.figures.overdue'), key: 'overdue', width: 9 },
    { header: t('repairs.figures.overdueShare'), key: 'overdueShare', width: 10 },
    { header: t('repairs.figures.rated'), key: 'rated', width: 9 },
    { header: t('repairs.figures.avgRating'), key: 'avgRating', width: 10 },
    { header: t('repairs.figures.satisfied'), key: 'satisfied', width: 10 },
  ];
  const values = (r: Row) => ({
    total: r.total,
    open: r.open,
    avgResponseMinutes: r.avgResponseMinutes ?? '',
    avgCompletionMinutes: r.avgCompletionMinutes ?? '',
    overdue: r.overdue,
    overdueShare: bpToPercent(r.overdueBp),
    rated: r.rated,
    avgRating: centiToRating(r.avgRatingCenti),
    satisfied: bpToPercent(r.satisfiedBp),
  });
  const companies = addSheet(book, t('repairs.figures.byCompany'), [
    { header: t('repairs.field.company'), key: 'name', width: 22 },
    { header: t('repairs.figures.compounds'), key: 'compounds', width: 9 },
    ...columns,
  ]);
  for (const c of figures.byCompany) companies.addRow({ name: c.companyName, compounds: c.compounds, ...values(c) });
  companies.addRow({ name: `${t('repairs.figures.all')}（${period}）`, ...values(figures.total) });
  const compounds = addSheet(book, t('repairs.figures.byCompound'), [
    { header: t('repairs.field.compound'), key: 'name', width: 16 },
    { header: t('repairs.field.company'), key: 'company', width: 22 },
    ...columns,
  ]);
  for (const c of figures.byCompound) compounds.addRow({ name: c.compoundName, company: c.companyName, ...values(c) });
  await saveWorkbook(book, t('repairs.figures.exportFile'));
}
