import { chinaDay } from '../../../kernel/clock.ts';
import type { FigureUnit, PartsView } from '../../../kernel/figures/figures.ts';
import type { DispatchReport } from './report-build.ts';

/**
 * The printed forms of a dispatch report — the workbook's sheets and the PDF's tables — drawn from one row model, so
 * the two show the same figures (and the tests read the model the PDF is drawn from).
 */

const UNIT_LABEL: Record<FigureUnit, string> = { percent: '%', count: '个', score: '分', hours: '小时', days: '天' };
const SUFFIX: Record<FigureUnit, string> = { percent: '%', count: '', score: '分', hours: '小时', days: '天' };

/** A value as printed: '85.5%', '12', '4.5分'; '—' when unknown. */
export const shown = (value: number | null | undefined, unit: FigureUnit): string => (value === null || value === undefined ? '—' : `${value}${SUFFIX[unit]}`);
/** A change as printed: '+1.5', '-2', '0'; '—' when unknown (points for a percentage). */
export const shownChange = (change: number | null): string => (change === null ? '—' : change > 0 ? `+${change}` : `${change}`);
const parts = (p: PartsView | null) => (p ? (p.denominator === null ? `${p.numerator}` : `${p.numerator}/${p.denominator}`) : '—');
/** 2026-10 → 2026年10月. */
export const monthLabel = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
export const dayLabel = (d: Date | null) => (d ? chinaDay(d) : '—');

export interface FigureLine {
  key: string;
  name: string;
  unit: string;
  current: number | null;
  parts: string;
  previous: number | null;
  change: number | null;
  lastYear: number | null;
  changeYear: number | null;
  /** 「二社区 62.5%、三社区 70%」: worst first. */
  lagging: string;
  /** The same, as printed (values with their unit, '—' when unknown). */
  text: { current: string; previous: string; change: string; lastYear: string; changeYear: string };
}

/** The figures table: a line per figure, this month, its parts, last month, the change, last year, the change, the lagging places. */
export function figureLines(r: DispatchReport): FigureLine[] {
  return r.figures.map((f) => ({
    key: f.key,
    name: f.name.zh,
    unit: UNIT_LABEL[f.unit],
    current: f.current?.value ?? null,
    parts: parts(f.current),
    previous: f.previous?.value ?? null,
    change: f.change,
    lastYear: f.lastYear?.value ?? null,
    changeYear: f.changeYear,
    lagging: f.lagging.map((l) => `${l.place.name} ${shown(l.value, f.unit)}`).join('、'),
    text: {
      current: shown(f.current?.value, f.unit),
      previous: shown(f.previous?.value, f.unit),
      change: shownChange(f.change),
      lastYear: shown(f.lastYear?.value, f.unit),
      changeYear: shownChange(f.changeYear),
    },
  }));
}

export const FIGURE_HEADERS = ['指标', '单位', '本月', '分子/分母', '上月', '环比变化', '去年同月', '同比变化', '落后地点（由差到好）', '指标代码'] as const;

export interface LaggingLine {
  figure: string;
  own: string;
  rank: number;
  place: string;
  value: string;
  parts: string;
}

/** The lagging places, a line each: the figure, the place's own value, the place one level down, its value and parts. */
export function laggingLines(r: DispatchReport): LaggingLine[] {
  return r.figures.flatMap((f) =>
    f.lagging.map((l, i) => ({ figure: f.name.zh, own: shown(f.current?.value, f.unit), rank: i + 1, place: l.place.name, value: shown(l.value, f.unit), parts: parts(l) })),
  );
}
export const LAGGING_HEADERS = ['指标', '本级', '序号', '落后地点', '数值', '分子/分母'] as const;

export interface WatchSection {
  key: string;
  title: string;
  definition: string;
  total: number;
  lines: { title: string; place: string; holder: string; since: string; due: string; link: string }[];
}

/** Each watch source's open work: its title, its total and its items, oldest first. */
export function watchSections(r: DispatchReport): WatchSection[] {
  return r.watch.map((w) => ({
    key: w.key,
    title: w.title.zh,
    definition: w.definition.zh,
    total: w.total,
    lines: w.items.map((i) => ({ title: i.title, place: i.place, holder: i.holder ?? '—', since: dayLabel(new Date(i.since)), due: i.due ? dayLabel(new Date(i.due)) : '—', link: i.link })),
  }));
}
export const WATCH_HEADERS = ['事项', '地点', '责任方', '开始', '期限'] as const;

/** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || '工作表';
  let name = clean;
  for (let n = 2; taken.has(name); n++) name = `${clean.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(name);
  return name;
}

/** The report's title: 「安和街道 2026年10月 月度调度通报」. */
export const reportTitle = (r: DispatchReport) => `${r.place.name} ${monthLabel(r.period)} 月度调度通报`;
