import { todayInShanghai } from '../../shared/format.ts';
import type { FigureUnit, Parts } from './figures-api.ts';

/**
 * How a figure is shown, shared by 月度指标 and the 驾驶舱: the months to pick from, the value with its unit, the
 * parts, the change. A money figure (kept in fen, its key ending `_fen` or naming fen) shows yuan.
 */

/** The last two years of months, newest first ('YYYY-MM', Shanghai). */
export function recentMonths(count = 24): string[] {
  const [y, m] = todayInShanghai().split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** The month before a 'YYYY-MM'. */
export function monthBefore(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Figures counted in fen (the parts are integers): shown in yuan. */
export const isMoneyFigure = (key: string) => key.endsWith('_fen') || key === 'fees.arrears_total';

const yuanText = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure's shown value with its unit; parts beside it, because the parts are the figure. `key` marks a money figure. */
export function shown(unit: FigureUnit, p: Parts | null | undefined, t: (k: string) => string, key?: string): string {
  if (!p || p.numerator === null) return '—';
  if (p.value === null) return t('figures.noBase');
  if (key && isMoneyFigure(key) && unit === 'count') return `${yuanText(p.value)} ${t('figures.unit.yuan')}`;
  return unit === 'percent' ? `${p.value}%` : `${p.value}${unit === 'count' ? '' : ` ${t(`figures.unit.${unit}`)}`}`;
}

/** The parts: 'numerator / denominator', or the count alone (yuan for a money figure). */
export function partsText(p: Parts | null | undefined, key?: string): string {
  if (!p || p.numerator === null) return '';
  const n = key && isMoneyFigure(key) ? yuanText(p.numerator) : `${p.numerator}`;
  return p.denominator === null ? n : `${n} / ${p.denominator}`;
}

/** The value's change, rounded to one decimal (points for a percentage); null when either value is unknown. */
export function changeOf(now: Parts | null | undefined, before: Parts | null | undefined): number | null {
  if (!now || !before || now.value === null || before.value === null) return null;
  return Math.round((now.value - before.value) * 10) / 10;
}

/** A change as text: '+1.5 pp', '-3', '—'. */
export function changeText(unit: FigureUnit, d: number | null, key?: string): string {
  if (d === null) return '—';
  const sign = d > 0 ? '+' : '';
  if (key && isMoneyFigure(key) && unit === 'count') return `${sign}${yuanText(d)}`;
  return unit === 'percent' ? `${sign}${d} pp` : `${sign}${d}`;
}

/** The change between two parts as text (月度指标's column). */
export const change = (unit: FigureUnit, now: Parts | null | undefined, before: Parts | null | undefined, key?: string) => changeText(unit, changeOf(now, before), key);

/** Whether a change is good news: 'better', 'worse', or 'none' (no direction, no change, or unknown). */
export function verdict(better: 'higher' | 'lower' | null | undefined, d: number | null): 'better' | 'worse' | 'none' {
  if (!better || d === null || d === 0) return 'none';
  return (d > 0) === (better === 'higher') ? 'better' : 'worse';
}
