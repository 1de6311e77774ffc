import { type RawBuilder, sql } from 'kysely';
import { SYSTEM_ACTOR, can } from '../access/actor.ts';
import { type PlaceRow, findPlace } from '../access/places.ts';
import type { Role } from '../access/roles.ts';
import { chinaDay } from '../clock.ts';
import { type Ctx, type Kernel, audit, write } from '../context.ts';
import type { Executor, Tx } from '../db/index.ts';
import type { PlaceKind } from '../db/tables.ts';
import { CommonErrors, defineErrors } from '../errors.ts';

/**
 * Figures with history (DOMAIN.md §8: officials compare this month with last month and rank places).
 * Each module declares its figures in its manifest (`Module.figures`); the kernel keeps, for every
 * street, every figure's parts for every place of the kinds it is kept for, one row per month
 * (`figure_snapshots`), taken by the month-end job or on demand. A figure is its two parts — additive
 * integers, so a district's figure is the sum over its streets — and the shown value is derived last.
 */

export interface FigureText {
  zh: string;
  en: string;
}
export type FigureUnit = 'percent' | 'count' | 'score' | 'hours' | 'days';
/** The places a figure can be kept for: a street and the places in it (regions hold no records). */
export type FigurePlaceKind = Exclude<PlaceKind, 'city' | 'district'>;

/**
 * What a figure is counted over: a street, and the period's half-open window [from, to) — the month
 * (Asia/Shanghai), or up to the moment of an on-demand take in the current month. Flows (orders
 * finished, notices published) count what happened in the window; stocks (households, compounds)
 * count the state at `to`, taking only records created before it where the module can tell.
 */
export interface FigureWindow {
  streetId: string;
  from: Date;
  to: Date;
  /** The figure's `placeKinds`: the places its parts are wanted for. */
  placeKinds: readonly FigurePlaceKind[];
}

/** One place's parts. `denominator` is null for a plain count. */
export interface FigureParts {
  placeId: string;
  numerator: number;
  denominator: number | null;
}

/** A figure a module declares in its manifest. */
export interface FigureDefinition {
  /** '<module>.<name>', e.g. 'activation.rate'; unique across the app. */
  key: string;
  name: FigureText;
  /** What it measures, in a sentence, for the report's readers. */
  definition: FigureText;
  numerator: FigureText;
  /** Absent for a plain count. */
  denominator?: FigureText;
  unit: FigureUnit;
  /** Which places it is kept for, e.g. ['street', 'community', 'grid', 'compound']. */
  placeKinds: readonly FigurePlaceKind[];
  /**
   * The parts for the places of `placeKinds` in the street, in one grouped query over the module's
   * own tables (`rollUp` joins a record to the places above it). Places it leaves out count zero.
   */
  count(db: Executor, at: FigureWindow): Promise<FigureParts[]>;
  /**
   * Which way is better, for the lagging places of the monthly dispatch and the rankings: 'higher'
   * (a rate of things done), 'lower' (open or overdue notices, arrears), null for neither (a plain
   * volume, such as orders reported: no place is called lagging on it). Absent: 'higher' for a
   * percentage (every share here is of things done or covered), else null (`betterOf`).
   */
  better?: 'higher' | 'lower' | null;
  /**
   * The records behind the figure at one place (the dashboard's last drill-down step): the same
   * records `count` counts over the window, each marked whether it is in the numerator; a page of them,
   * newest first, and their total. Labels name the thing (a room, an order's number), never a person.
   */
  rows?(db: Executor, q: FigureRowsQuery): Promise<{ total: number; counted: number; items: FigureRow[] }>;
}

/** What `rows` is asked: the window of the figure's street, one place in it (its materialised path), a page. */
export interface FigureRowsQuery extends FigureWindow {
  place: { id: string; path: string; kind: FigurePlaceKind };
  limit: number;
  offset: number;
  /** Only the rows in the numerator, or only those outside it. */
  only?: 'counted' | 'uncounted';
}

/** One record behind a figure. */
export interface FigureRow {
  id: string;
  /** What the record is, e.g. 「阳光花园 3栋 1单元 302」 or 「BX-2026-0042 漏水」. */
  label: string;
  /** The compound (or other place) it belongs to, by name. */
  place: string;
  /** True when the record is in the numerator (for a plain count, every record is). */
  counted: boolean;
  /** The record's moment in the window (reported, finished, issued …), when it has one. */
  at: Date | null;
  /** A short state or reason, e.g. 「超时 3 天」 or 「未激活」. */
  note: string | null;
  /** The workbench page of the record, when there is one. */
  link: string | null;
  /** For a figure of amounts (fen): the record's own parts, which sum to the place's. Absent: the record counts one. */
  parts?: { numerator: number; denominator: number | null };
}

export const FigureErrors = defineErrors({
  FIGURE_NOT_FOUND: [404, '未找到该指标', 'No such figure'],
  FIGURE_PLACE_NOT_FOUND: [404, '未找到该地点', 'Place not found'],
  FIGURE_NOT_KEPT_HERE: [400, '该指标不按此类地点统计', 'This figure is not kept for places of this kind'],
  FIGURE_STREET_ONLY: [400, '快照按街道生成，请选择街道', 'Snapshots are taken per street: choose a street'],
  FIGURE_PERIOD_FUTURE: [400, '不能为尚未开始的月份生成快照', 'A month that has not begun cannot be snapshotted'],
  FIGURE_REASON_REQUIRED: [400, '重新生成已结束月份的快照须填写原因', 'Give a reason to re-take a closed month'],
});

/** Who reads figures: the officials of the places (their grants' subtrees). */
export const FIGURE_READERS: readonly Role[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff'];
/** Who takes a street's snapshot on demand. */
export const FIGURE_TAKERS: readonly Role[] = ['platform_admin', 'street_official'];

// ——— the catalogue ———

const KEY = /^([a-z][a-z0-9_]*)\.[a-z][a-z0-9_]*$/;

/**
 * Every module's figures, checked: keys '<module>.<name>' named after the declaring module, declared
 * once. Throws at startup (buildServer) so a clash never reaches a snapshot.
 */
export function figureCatalogue(modules: readonly { name: string; figures?: FigureDefinition[] }[]): FigureDefinition[] {
  const seen = new Map<string, string>();
  const out: FigureDefinition[] = [];
  for (const m of modules) {
    for (const f of m.figures ?? []) {
      const owner = KEY.exec(f.key)?.[1];
      if (owner !== m.name) throw new Error(`figure "${f.key}" of module ${m.name}: a key is '${m.name}.<name>' (lower case, digits, _)`);
      const other = seen.get(f.key);
      if (other !== undefined) throw new Error(`figure "${f.key}" is declared twice (modules ${other} and ${m.name}): figure keys must be unique`);
      if (!f.placeKinds.length) throw new Error(`figure "${f.key}" is kept for no kind of place`);
      seen.set(f.key, m.name);
      out.push(f);
    }
  }
  return out;
}

let catalogue: FigureDefinition[] = [];
/** Sets the app's figures (buildServer, from the module list); checked by `figureCatalogue`. */
export function useFigures(modules: readonly { name: string; figures?: FigureDefinition[] }[]): void {
  catalogue = figureCatalogue(modules);
}
/** The app's figures, in module order. */
export const figures = (): readonly FigureDefinition[] => catalogue;

// ——— periods: months in Asia/Shanghai ———

const CHINA_OFFSET_MS = 8 * 3_600_000;
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month ('YYYY-MM', Asia/Shanghai) an instant falls in. */
export const periodOf = (at: Date): string => chinaDay(at).slice(0, 7);
/** The first instant of a month: 00:00:00 Shanghai on its first day. */
export function periodStart(period: string): Date {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1) - CHINA_OFFSET_MS);
}
/** The month after: its start is the end (exclusive) of this one. */
export function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
export const periodEnd = (period: string): Date => periodStart(nextPeriod(period));
/** The same month a year before: what a month is compared with besides the month before it. */
export function sameMonthLastYear(period: string): string {
  const [y, m] = period.split('-') as [string, string];
  return `${Number(y) - 1}-${m}`;
}

// ——— what a module's count uses ———

/**
 * SQL for a module's count: joins each record (its place's materialised path in `pathRef`) to the
 * places above it, or itself, that the figure is kept for — as `up(place_id)` — so one `group by
 * up.place_id` counts every street, community, grid and compound at once. Uses the path's ids
 * (primary-key probes), not a LIKE per place pair.
 */
export function rollUp(pathRef: string, at: Pick<FigureWindow, 'streetId' | 'placeKinds'>): RawBuilder<unknown> {
  return sql`cross join lateral unnest(string_to_array(trim(both '/' from ${sql.ref(pathRef)}), '/')::uuid[]) as up(place_id)
    join street_places kept on kept.id = up.place_id and kept.street_id = ${at.streetId} and kept.kind in (${sql.join([...at.placeKinds])})`;
}

/** The calendar day (Asia/Shanghai) the state of a window is read on: the last day before `to`. */
export const dayBefore = (to: Date): string => chinaDay(new Date(to.getTime() - 1));

// ——— taking snapshots ———

/**
 * Counts every figure for every kept place of a street over [period start, `to`) and stores the
 * parts: `replace` overwrites the period's rows (the current month, or an audited re-take), otherwise
 * existing rows stay as they are (a closed month is history). Answers the rows written.
 */
export async function takeSnapshot(
  tx: Tx,
  defs: readonly FigureDefinition[],
  input: { streetId: string; period: string; to: Date; takenAt: Date; takenBy: string | null; replace: boolean },
): Promise<number> {
  const from = periodStart(input.period);
  const places = await tx.selectFrom('street_places').select(['id', 'kind']).where('street_id', '=', input.streetId).execute();
  let written = 0;
  for (const def of defs) {
    const kept = places.filter((p) => (def.placeKinds as readonly string[]).includes(p.kind));
    if (!kept.length) continue;
    const counted = new Map<string, FigureParts>();
    for (const r of await def.count(tx, { streetId: input.streetId, from, to: input.to, placeKinds: def.placeKinds })) counted.set(r.placeId, r);
    const rows = kept.map((p) => {
      const r = counted.get(p.id);
      const numerator = Number(r?.numerator ?? 0);
      const denominator = def.denominator ? Number(r?.denominator ?? 0) : null;
      if (!Number.isSafeInteger(numerator) || numerator < 0 || (denominator !== null && (!Number.isSafeInteger(denominator) || denominator < 0))) {
        throw new Error(`figure ${def.key} counted ${numerator}/${denominator} for place ${p.id}: parts are integers ≥ 0`);
      }
      return {
        street_id: input.streetId,
        figure_key: def.key,
        place_id: p.id,
        period: input.period,
        numerator,
        denominator,
        counted_to: input.to,
        taken_at: input.takenAt,
        taken_by: input.takenBy,
      };
    });
    const done = await tx
      .insertInto('figure_snapshots')
      .values(rows)
      .onConflict((oc) => {
        const target = oc.columns(['street_id', 'figure_key', 'place_id', 'period']);
        return input.replace
          ? target.doUpdateSet((eb) => ({
              numerator: eb.ref('excluded.numerator'),
              denominator: eb.ref('excluded.denominator'),
              counted_to: eb.ref('excluded.counted_to'),
              taken_at: eb.ref('excluded.taken_at'),
              taken_by: eb.ref('excluded.taken_by'),
            }))
          : target.doNothing();
      })
      .returning('place_id')
      .execute();
    written += done.length;
  }
  return written;
}

/**
 * The month-end job's work: for every street, the previous month's snapshot of each figure it does
 * not hold counted to the month's end (none yet, or an on-demand take from within the month), counted
 * up to the month's end, as the system. A month held to its end is never touched, so the job may run
 * as often as it likes. Months before the previous one are left to an official.
 */
export async function takeMonthEndSnapshots(kernel: Kernel, defs: readonly FigureDefinition[] = figures()): Promise<{ streets: number; rows: number }> {
  if (!defs.length) return { streets: 0, rows: 0 };
  const now = kernel.clock.now();
  const period = previousPeriod(periodOf(now));
  const db = kernel.db;
  const streets = await db.selectFrom('street_places').select(['id']).where('kind', '=', 'street').execute();
  // Which figures each street holds for the whole month (index figure_snapshots_period). A take in the
  // month itself counted only up to its moment: the job counts the month again, to its end, over it.
  const held = await db
    .selectFrom('figure_snapshots')
    .select(['street_id', 'figure_key'])
    .distinct()
    .where('period', '=', period)
    .where('counted_to', '>=', periodEnd(period))
    .execute();
  const heldBy = new Set(held.map((h) => `${h.street_id} ${h.figure_key}`));
  let taken = 0;
  let rows = 0;
  for (const s of streets) {
    const missing = defs.filter((d) => !heldBy.has(`${s.id} ${d.key}`));
    if (!missing.length) continue;
    const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
    const written = await write(ctx, async (tx) => {
      // Only figures not held to the month's end are here: what they hold is a take from within the month.
      const n = await takeSnapshot(tx, missing, { streetId: s.id, period, to: periodEnd(period), takenAt: now, takenBy: null, replace: true });
      // A street with no place of a figure's kinds gets no rows: nothing changed, nothing to record.
      if (n === 0) return 0;
      await audit(tx, ctx, {
        action: 'figures.snapshot.taken',
        placeId: s.id,
        subjectType: 'figure_snapshot',
        subjectId: s.id,
        detail: { period, by: 'month-end', figures: missing.map((d) => d.key), rows: n },
      });
      return n;
    });
    taken++;
    rows += written;
  }
  return { streets: taken, rows };
}

/** Every 10 minutes: cheap when the month is held (one indexed read), and soon after midnight on the 1st. */
export const monthEndSnapshotJob = { name: 'figures.month-end', everyMs: 10 * 60_000, run: (kernel: Kernel) => takeMonthEndSnapshots(kernel) };

/**
 * An official's on-demand take of a street's snapshot: the current month (counted up to now, replacing
 * what the month held), or — with a reason — a closed month counted again up to its end. Audited.
 */
export async function takeSnapshotOnDemand(ctx: Ctx, input: { placeId: string; period?: string; reason?: string }) {
  const now = ctx.kernel.clock.now();
  const place = await findPlace(ctx.kernel.db, input.placeId);
  if (!place || !can(ctx.actor, FIGURE_READERS, place.path)) throw FigureErrors.FIGURE_PLACE_NOT_FOUND();
  if (!can(ctx.actor, FIGURE_TAKERS, place.path)) throw CommonErrors.FORBIDDEN();
  if (place.kind !== 'street') throw FigureErrors.FIGURE_STREET_ONLY();
  const current = periodOf(now);
  const period = input.period ?? current;
  if (period > current) throw FigureErrors.FIGURE_PERIOD_FUTURE();
  const closed = period < current;
  const reason = input.reason?.trim() || null;
  if (closed && !reason) throw FigureErrors.FIGURE_REASON_REQUIRED();
  const to = closed ? periodEnd(period) : now;
  const defs = figures();
  const rows = await write(ctx, async (tx) => {
    const n = await takeSnapshot(tx, defs, { streetId: place.id, period, to, takenAt: now, takenBy: ctx.actor.accountId, replace: true });
    await audit(tx, ctx, {
      action: closed ? 'figures.snapshot.retaken' : 'figures.snapshot.taken',
      placeId: place.id,
      subjectType: 'figure_snapshot',
      subjectId: place.id,
      detail: { period, by: 'on-demand', countedTo: to.toISOString(), figures: defs.length, rows: n, ...(reason ? { reason } : {}) },
    });
    return n;
  });
  return { placeId: place.id, period, countedTo: to, takenAt: now, rows };
}

// ——— reading ———

export interface PartsView {
  numerator: number;
  denominator: number | null;
  /** For display only (the parts are the figure): a percentage to one decimal, an average, or the count. */
  value: number | null;
}
export interface PlaceView {
  id: string;
  name: string;
  kind: PlaceKind;
}

/** The shown value of parts: derived last, never stored or summed. */
export function figureValue(unit: FigureUnit, numerator: number, denominator: number | null): number | null {
  if (unit === 'count' || denominator === null) return numerator;
  if (denominator === 0) return null;
  if (unit === 'percent') return Math.round((numerator * 1000) / denominator) / 10;
  return Math.round((numerator * 100) / denominator) / 100;
}

export const partsView = (def: FigureDefinition, p: { numerator: number; denominator: number | null }): PartsView => ({
  numerator: p.numerator,
  denominator: p.denominator,
  value: figureValue(def.unit, p.numerator, p.denominator),
});

/** A place the actor may read figures of (404 otherwise, as everywhere: ids cannot be probed). */
export async function readablePlace(ctx: Ctx, placeId: string): Promise<PlaceRow> {
  const place = await findPlace(ctx.kernel.db, placeId);
  if (!place || !can(ctx.actor, FIGURE_READERS, place.path)) throw FigureErrors.FIGURE_PLACE_NOT_FOUND();
  return place;
}

/** True when the figure is kept for the place: its own kind, or for a region (summed over its streets) the street. */
export const keptFor = (def: FigureDefinition, place: Pick<PlaceRow, 'kind'>) =>
  place.kind === 'city' || place.kind === 'district' ? def.placeKinds.includes('street') : (def.placeKinds as readonly string[]).includes(place.kind);

export interface Held {
  own: { numerator: number; denominator: number | null; takenAt: Date; countedTo: Date } | null;
  /** The ranking one level down: the nearest kept places under the place (or, under a region, its child regions or streets). */
  children: Map<string, { numerator: number; denominator: number | null }>;
}

/**
 * The snapshot parts of figures for a place over periods. At a street or below, the rows of the place
 * and of the kept places under it; above the street, the streets' own rows summed — a district's
 * figure is the sum of its streets' parts, read now (regions hold no records).
 */
export async function heldParts(db: Executor, place: PlaceRow, keys: string[], periods: string[]): Promise<Map<string, Held>> {
  const out = new Map<string, Held>();
  if (!keys.length || !periods.length) return out;
  const region = place.street_id === null;
  // Above the street only the streets' own rows count: find the streets first, then read their rows by primary key
  // (street, figure, place = the street, period) — not every place's rows of a city filtered down to the streets'.
  const streets = region ? await db.selectFrom('street_places').select(['id', 'path']).where('kind', '=', 'street').where('path', 'like', `${place.path}%`).execute() : [];
  if (region && !streets.length) return out;
  const streetPath = new Map(streets.map((s) => [s.id, s.path]));
  const rows = region
    ? (
        await db
          .selectFrom('figure_snapshots as f')
          .select(['f.figure_key as key', 'f.period', 'f.place_id as placeId', 'f.numerator', 'f.denominator', 'f.taken_at as takenAt', 'f.counted_to as countedTo'])
          .where('f.street_id', 'in', [...streetPath.keys()])
          .whereRef('f.place_id', '=', 'f.street_id')
          .where('f.figure_key', 'in', keys)
          .where('f.period', 'in', periods)
          .execute()
      ).map((r) => ({ ...r, path: streetPath.get(r.placeId)! }))
    : await db
        .selectFrom('figure_snapshots as f')
        .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'f.street_id').onRef('p.id', '=', 'f.place_id'))
        .select(['f.figure_key as key', 'f.period', 'f.place_id as placeId', 'f.numerator', 'f.denominator', 'f.taken_at as takenAt', 'f.counted_to as countedTo', 'p.path'])
        .where('f.street_id', '=', place.street_id!)
        .where('f.figure_key', 'in', keys)
        .where('f.period', 'in', periods)
        .where('p.path', 'like', `${place.path}%`)
        .execute();
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.key} ${r.period}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const [k, group] of groups) {
    const held: Held = { own: null, children: new Map() };
    const add = (id: string, r: (typeof rows)[number]) => {
      const c = held.children.get(id) ?? { numerator: 0, denominator: r.denominator === null ? null : 0 };
      held.children.set(id, { numerator: c.numerator + Number(r.numerator), denominator: r.denominator === null ? null : (c.denominator ?? 0) + Number(r.denominator) });
    };
    if (region) {
      let numerator = 0;
      let denominator: number | null = null;
      let takenAt = group[0]!.takenAt;
      let countedTo = group[0]!.countedTo;
      for (const r of group) {
        numerator += Number(r.numerator);
        if (r.denominator !== null) denominator = (denominator ?? 0) + Number(r.denominator);
        if (r.takenAt > takenAt) takenAt = r.takenAt;
        if (r.countedTo < countedTo) countedTo = r.countedTo;
        add(r.path.slice(place.path.length).split('/')[0]!, r);
      }
      held.own = { numerator, denominator, takenAt, countedTo };
    } else {
      const ids = new Set(group.map((r) => r.placeId));
      for (const r of group) {
        if (r.placeId === place.id) {
          held.own = { numerator: Number(r.numerator), denominator: r.denominator === null ? null : Number(r.denominator), takenAt: r.takenAt, countedTo: r.countedTo };
          continue;
        }
        // A child is a kept place with no kept place between it and this one (compounds straight under a community count too).
        const between = r.path.slice(place.path.length).split('/').filter(Boolean).slice(0, -1);
        if (!between.some((id) => ids.has(id))) add(r.placeId, r);
      }
    }
    out.set(k, held);
  }
  return out;
}

export async function placeViews(db: Executor, ids: string[]): Promise<Map<string, PlaceView>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('places').select(['id', 'name', 'kind']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Which way a figure is better (its `better`, or the default by unit). */
export const betterOf = (def: Pick<FigureDefinition, 'better' | 'unit'>): 'higher' | 'lower' | null => def.better ?? (def.unit === 'percent' ? 'higher' : null);

export const describeFigure = (def: FigureDefinition) => ({
  key: def.key,
  name: def.name,
  definition: def.definition,
  numerator: def.numerator,
  denominator: def.denominator ?? null,
  unit: def.unit,
  placeKinds: def.placeKinds,
  better: betterOf(def),
  hasRows: !!def.rows,
});

/** The catalogue for the web: every figure's names, definition, parts and unit. */
export function listFigures() {
  return { items: figures().map(describeFigure) };
}

const HISTORY_MONTHS = 12;

/**
 * One figure for a place and month: its parts, last month's, the months before (up to a year, for the
 * history chart) and the ranking of the places one level down.
 */
export async function getFigure(ctx: Ctx, key: string, q: { placeId: string; period?: string }) {
  const def = figures().find((f) => f.key === key);
  if (!def) throw FigureErrors.FIGURE_NOT_FOUND();
  const place = await readablePlace(ctx, q.placeId);
  if (!keptFor(def, place)) throw FigureErrors.FIGURE_NOT_KEPT_HERE();
  const period = q.period ?? periodOf(ctx.kernel.clock.now());
  const periods = [period];
  while (periods.length < HISTORY_MONTHS) periods.push(previousPeriod(periods.at(-1)!));
  const db = ctx.kernel.db;
  const held = await heldParts(db, place, [def.key], periods);
  const at = (p: string) => held.get(`${def.key} ${p}`);
  const now = at(period);
  const names = await placeViews(db, [...(now?.children.keys() ?? [])]);
  const children = [...(now?.children ?? [])]
    .flatMap(([id, parts]) => (names.has(id) ? [{ place: names.get(id)!, ...partsView(def, parts) }] : []))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.place.name.localeCompare(b.place.name, 'zh-CN', { numeric: true }));
  const prev = previousPeriod(period);
  return {
    figure: describeFigure(def),
    place: { id: place.id, name: place.name, kind: place.kind },
    period,
    ...(now?.own ? partsView(def, now.own) : { numerator: null, denominator: null, value: null }),
    takenAt: now?.own?.takenAt ?? null,
    countedTo: now?.own?.countedTo ?? null,
    previous: { period: prev, ...(at(prev)?.own ? partsView(def, at(prev)!.own!) : { numerator: null, denominator: null, value: null }) },
    history: periods
      .slice()
      .reverse()
      .map((p) => ({ period: p, ...(at(p)?.own ? partsView(def, at(p)!.own!) : { numerator: null, denominator: null, value: null }) })),
    children,
  };
}

/** The monthly report of a place: every figure kept for it, this month beside last month. */
export async function getFigureReport(ctx: Ctx, q: { placeId: string; period?: string }) {
  const place = await readablePlace(ctx, q.placeId);
  const period = q.period ?? periodOf(ctx.kernel.clock.now());
  const prev = previousPeriod(period);
  const defs = figures().filter((d) => keptFor(d, place));
  const held = await heldParts(ctx.kernel.db, place, defs.map((d) => d.key), [period, prev]);
  const parts = (def: FigureDefinition, p: string) => {
    const own = held.get(`${def.key} ${p}`)?.own;
    return own ? partsView(def, own) : null;
  };
  const takenAt = defs.map((d) => held.get(`${d.key} ${period}`)?.own?.takenAt).filter((t): t is Date => !!t);
  return {
    place: { id: place.id, name: place.name, kind: place.kind },
    period,
    previousPeriod: prev,
    takenAt: takenAt.length ? new Date(Math.max(...takenAt.map((t) => t.getTime()))) : null,
    items: defs.map((def) => ({ ...describeFigure(def), current: parts(def, period), previous: parts(def, prev) })),
  };
}

/**
 * The demo's history (server/demo/seed-demo.ts, after every module has seeded): each street's
 * snapshots of the `months` closed months before now, counted up to each month's end, and of this
 * month up to now, so the report has a last month and a history from the first start. A no-op when
 * any snapshot exists.
 */
export async function seedFigureHistory(kernel: Kernel, defs: readonly FigureDefinition[], months = 6): Promise<number> {
  if (!defs.length || (await kernel.db.selectFrom('figure_snapshots').select('period').limit(1).executeTakeFirst())) return 0;
  const now = kernel.clock.now();
  const current = periodOf(now);
  const periods = [current];
  while (periods.length <= months) periods.push(previousPeriod(periods.at(-1)!));
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  let rows = 0;
  for (const s of await kernel.db.selectFrom('street_places').select('id').where('kind', '=', 'street').execute()) {
    rows += await write(ctx, async (tx) => {
      let n = 0;
      for (const period of periods) {
        const to = period === current ? now : periodEnd(period);
        n += await takeSnapshot(tx, defs, { streetId: s.id, period, to, takenAt: now, takenBy: null, replace: false });
      }
      await audit(tx, ctx, {
        action: 'figures.snapshot.taken',
        placeId: s.id,
        subjectType: 'figure_snapshot',
        subjectId: s.id,
        detail: { by: 'demo', periods, figures: defs.map((d) => d.key), rows: n },
      });
      return n;
    });
  }
  return rows;
}
