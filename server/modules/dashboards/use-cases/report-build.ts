import type { PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type FigureText, type FigureUnit, type PartsView, type PlaceView, periodEnd, periodOf } from '../../../kernel/figures/figures.ts';
import { type WatchItem, watchSources } from '../../../kernel/figures/watchlist.ts';
import { LAGGING_MAX, WATCH_ITEMS_MAX } from '../dashboards.constants.ts';
import { type Executor, read } from '../dashboards.db.ts';
import { type ChildFigure, dashboardFigures } from './dashboard-overview.ts';

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

/** A value's change, to one decimal (points for a percentage); null when either side is unknown. */
export const changeOf = (now: number | null | undefined, before: number | null | undefined): number | null =>
  now === null || now === undefined || before === null || before === undefined ? null : Math.round((now - before) * 10) / 10;

/**
 * The places one level down doing worse than the place on a figure with a direction ('higher': a lower value lags;
 * 'lower': a higher one), worst first (then by name), at most LAGGING_MAX. A figure with no direction, or a place
 * whose own value is unknown, has none lagging.
 */
export function laggingChildren(better: 'higher' | 'lower' | null, own: number | null | undefined, children: readonly ChildFigure[]): ChildFigure[] {
  if (!better || own === null || own === undefined) return [];
  const worse = children.filter((c) => c.value !== null && (better === 'higher' ? c.value < own : c.value > own));
  const sign = better === 'higher' ? 1 : -1;
  return worse
    .sort((a, b) => sign * (a.value! - b.value!) || a.place.name.localeCompare(b.place.name, 'zh-CN', { numeric: true }))
    .slice(0, LAGGING_MAX)
    .map((c) => ({ place: c.place, numerator: c.numerator, denominator: c.denominator, value: c.value }));
}

/** The streets a region's report asks the watch sources about: every street under the region's path. */
async function streetsUnder(db: Executor, place: PlaceRow): Promise<{ id: string; path: string }[]> {
  return db.selectFrom('street_places').select(['id', 'path']).where('kind', '=', 'street').where('path', 'like', `${place.path}%`).orderBy('path').execute();
}

/**
 * Every watch source's open and overdue work at the place as it stood at `at`: at a street or below one list over
 * the place's path; at a city or district one per street under it, the totals summed and the items merged, oldest
 * first, cut at WATCH_ITEMS_MAX.
 */
async function watchAt(db: Executor, place: PlaceRow, at: Date): Promise<DispatchWatch[]> {
  const sources = watchSources();
  if (!sources.length) return [];
  const streets = place.street_id !== null ? [{ id: place.street_id, path: place.path }] : await streetsUnder(db, place);
  const out: DispatchWatch[] = [];
  for (const s of sources) {
    let total = 0;
    let items: WatchItem[] = [];
    for (const street of streets) {
      const r = await s.list(db, { streetId: street.id, placePath: street.path, at, limit: WATCH_ITEMS_MAX });
      total += r.total;
      items = items.concat(r.items);
    }
    if (streets.length > 1) items.sort((a, b) => new Date(a.since).getTime() - new Date(b.since).getTime() || a.id.localeCompare(b.id));
    out.push({ key: s.key, title: s.title, definition: s.definition, total, items: items.slice(0, WATCH_ITEMS_MAX) });
  }
  return out;
}

/**
 * Builds (does not keep) the dispatch report of a place for a month: the figures are the dashboard's
 * (`dashboardFigures`, from the snapshots, so the report equals the dashboard by construction), each with its change
 * against last month and last year and the places one level down that lag; then each watch source's open work at the
 * month's end (now, for the current month). Reads through `db`: a write's transaction when the caller keeps it.
 */
export async function buildDispatchReport(ctx: Ctx, place: PlaceRow, period: string, db: Executor = read(ctx)): Promise<DispatchReport> {
  const now = ctx.kernel.clock.now();
  const at = period === periodOf(now) ? now : periodEnd(period);
  const body = await dashboardFigures(ctx, place, period, db);
  const figures: DispatchFigure[] = body.figures.map((f) => ({
    key: f.key,
    name: f.name,
    definition: f.definition,
    unit: f.unit,
    better: f.better,
    current: f.current,
    previous: f.previous,
    lastYear: f.lastYear,
    change: changeOf(f.current?.value, f.previous?.value),
    changeYear: changeOf(f.current?.value, f.lastYear?.value),
    lagging: laggingChildren(f.better, f.current?.value, f.children),
  }));
  return {
    version: 1,
    place: { id: place.id, name: place.name, kind: place.kind },
    period: body.period,
    previousPeriod: body.previousPeriod,
    lastYearPeriod: body.lastYearPeriod,
    builtAt: now,
    takenAt: body.takenAt,
    figures,
    watch: await watchAt(db, place, at),
  };
}

/** A report read back from its JSON (dash_reports.content): its moments as dates again. */
export function reviveReport(content: unknown): DispatchReport {
  const r = (typeof content === 'string' ? JSON.parse(content) : content) as DispatchReport;
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  return {
    ...r,
    builtAt: new Date(r.builtAt),
    takenAt: date(r.takenAt),
    watch: r.watch.map((w) => ({ ...w, items: w.items.map((i) => ({ ...i, since: new Date(i.since), due: date(i.due) })) })),
  };
}
