import { can, findPlace, placeAncestors, type PlaceRow, type Role } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import {
  betterOf,
  describeFigure,
  type FigureDefinition,
  figures,
  heldParts,
  keptFor,
  type PartsView,
  partsView,
  type PlaceView,
  periodOf,
  placeViews,
  previousPeriod,
  sameMonthLastYear,
} from '../../../kernel/figures/figures.ts';
import { DASHBOARD_FOCUS, RANKED_FIGURES } from '../dashboards.constants.ts';
import { type Executor, read } from '../dashboards.db.ts';
import { DashboardsErrors } from '../dashboards.errors.ts';
import { allows } from '../dashboards.policy.ts';

/** A place one level down, with its parts of a figure: a bar of the ranking, a step of the drill-down. */
export interface ChildFigure extends PartsView {
  place: PlaceView;
}

export interface OverviewFigure extends ReturnType<typeof describeFigure> {
  current: PartsView | null;
  previous: PartsView | null;
  lastYear: PartsView | null;
  /** The places one level down, best first when the figure says which way is better (else by value, highest first). */
  children: ChildFigure[];
}

/**
 * The place the actor may read figures of, or 404 (ids cannot be probed). Shared by the dashboard's requests and the
 * dispatch reports.
 */
export async function readablePlace(ctx: Ctx, placeId: string): Promise<PlaceRow> {
  const place = await findPlace(read(ctx), placeId);
  if (!place || !allows(ctx.actor, 'read', place.path)) throw DashboardsErrors.PLACE_NOT_FOUND();
  return place;
}

/** The figures the dashboard shows at a place: every declared figure kept for it, in the modules' order. */
export const figuresAt = (place: Pick<PlaceRow, 'kind'>): FigureDefinition[] => figures().filter((d) => keptFor(d, place));

/** Orders places one level down: best first by the figure's direction (highest first when it has none), unknown last, then by name. */
export function rankChildren(def: Pick<FigureDefinition, 'better' | 'unit'>, children: ChildFigure[]): ChildFigure[] {
  const sign = betterOf(def) === 'lower' ? 1 : -1;
  return children.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return sign * (a.value - b.value) || a.place.name.localeCompare(b.place.name, 'zh-CN', { numeric: true });
  });
}

/**
 * Every figure of a place for a month, from the monthly snapshots (never recounted from today's state): this month,
 * the month before and the same month a year before, and each figure's places one level down — the rankings and
 * the next step of the drill-down. A city or district sums its streets' parts (kernel heldParts). `db`: a write's
 * transaction when the caller has just taken a snapshot in it.
 */
export async function dashboardFigures(ctx: Ctx, place: PlaceRow, period: string, db: Executor = read(ctx)) {
  const previous = previousPeriod(period);
  const lastYear = sameMonthLastYear(period);
  const defs = figuresAt(place);
  const held = await heldParts(db, place, defs.map((d) => d.key), [period, previous, lastYear]);
  const childIds = new Set<string>();
  for (const d of defs) for (const id of held.get(`${d.key} ${period}`)?.children.keys() ?? []) childIds.add(id);
  const names = await placeViews(db, [...childIds]);
  const own = (def: FigureDefinition, p: string) => {
    const h = held.get(`${def.key} ${p}`)?.own;
    return h ? partsView(def, h) : null;
  };
  const takenAt = defs.map((d) => held.get(`${d.key} ${period}`)?.own?.takenAt).filter((t): t is Date => !!t);
  const items: OverviewFigure[] = defs.map((def) => ({
    ...describeFigure(def),
    current: own(def, period),
    previous: own(def, previous),
    lastYear: own(def, lastYear),
    children: rankChildren(
      def,
      [...(held.get(`${def.key} ${period}`)?.children ?? [])].flatMap(([id, parts]) => (names.has(id) ? [{ place: names.get(id)!, ...partsView(def, parts) }] : [])),
    ),
  }));
  return {
    period,
    previousPeriod: previous,
    lastYearPeriod: lastYear,
    takenAt: takenAt.length ? new Date(Math.max(...takenAt.map((t) => t.getTime()))) : null,
    figures: items,
  };
}

/**
 * The dashboard (驾驶舱) of a place: its trail from the highest place the actor may read down to it (the drill-down's
 * way back), every figure this month against last month and last year, the rankings of the places one level down on
 * the figures officials rank by (RANKED_FIGURES), and the figures the actor's roles watch first (DASHBOARD_FOCUS).
 */
export async function dashboardOverview(ctx: Ctx, q: { placeId: string; period?: string }) {
  const place = await readablePlace(ctx, q.placeId);
  const now = periodOf(ctx.kernel.clock.now());
  const period = q.period ?? now;
  if (period > now) throw DashboardsErrors.PERIOD_FUTURE();
  const ancestors = await placeAncestors(read(ctx), place);
  const trail = [...ancestors.filter((a) => a.id !== place.id && allows(ctx.actor, 'read', a.path)), place].map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  const body = await dashboardFigures(ctx, place, period);
  const rankings = RANKED_FIGURES.flatMap((key) => {
    const f = body.figures.find((x) => x.key === key);
    return f && f.children.length ? [{ key, children: f.children }] : [];
  });
  // The figures the actor's roles here watch first, in the roles' order, each once.
  const shown = new Set(body.figures.map((f) => f.key));
  const focus = [
    ...new Set(
      Object.entries(DASHBOARD_FOCUS).flatMap(([role, keys]) => (can(ctx.actor, [role as Role], place.path) ? keys.filter((k) => shown.has(k)) : [])),
    ),
  ];
  return { place: { id: place.id, name: place.name, kind: place.kind }, trail, ...body, rankings, focus };
}

export type Overview = Awaited<ReturnType<typeof dashboardOverview>>;
