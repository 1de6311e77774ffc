import type { FigureText, FigureUnit, PartsView, PlaceView } from '../../../kernel/figures/figures.ts';
import type { WatchItem } from '../../../kernel/figures/watchlist.ts';

/**
 * The monthly dispatch report (月度调度通报) of a place, as built and kept (dash_reports.content): every figure kept
 * for the place from the month's snapshots with its change against last month and last year and the places one
 * level down lagging on it, then the open and overdue work the modules' watch sources list.
 */
export interface DispatchReport {
  version: 1;
  place: PlaceView;
  period: string;
  previousPeriod: string;
  lastYearPeriod: string;
  builtAt: Date;
  /** The newest snapshot the figures come from. */
  takenAt: Date | null;
  figures: DispatchFigure[];
  watch: DispatchWatch[];
}

export interface DispatchFigure {
  key: string;
  name: FigureText;
  definition: FigureText;
  unit: FigureUnit;
  better: 'higher' | 'lower' | null;
  current: PartsView | null;
  previous: PartsView | null;
  lastYear: PartsView | null;
  /** The value's change against last month and against the same month last year (points for a percentage); null when either is unknown. */
  change: number | null;
  changeYear: number | null;
  /** The places one level down that do worse than the place itself, worst first (at most LAGGING_MAX). */
  lagging: (PartsView & { place: PlaceView })[];
}

export interface DispatchWatch {
  key: string;
  title: FigureText;
  definition: FigureText;
  total: number;
  items: WatchItem[];
}
