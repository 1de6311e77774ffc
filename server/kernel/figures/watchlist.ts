import type { Executor } from '../db/index.ts';
import type { FigureText } from './figures.ts';

/**
 * What the monthly dispatch (月度调度通报) lists besides the figures: the things still open past their time at a
 * place — open rectification notices, overdue repair orders, grid events, mediation cases. Each module that
 * keeps such work declares a watch source in its manifest (`Module.watchlist`); the dashboards module asks
 * every source, per street, and prints what they answer. A source reads only its own tables.
 */
export interface WatchSource {
  /** '<module>.<name>', e.g. 'supervision.open_notices'. */
  key: string;
  /** The sheet's and the section's title. */
  title: FigureText;
  /** What counts, in a sentence, for the report's readers. */
  definition: FigureText;
  /** The items at or under the place (its path) in its street, as they stand at `at`: the oldest first, a page, and their total. */
  list(db: Executor, q: WatchQuery): Promise<{ total: number; items: WatchItem[] }>;
}

export interface WatchQuery {
  streetId: string;
  /** The place's materialised path ('/<street>/…/'); items under it count. */
  placePath: string;
  at: Date;
  limit: number;
}

/** One open item, named without personal data. */
export interface WatchItem {
  id: string;
  /** e.g. 「整改通知 ZG-2026-004：消防通道堵塞」. */
  title: string;
  /** The compound or community it belongs to, by name. */
  place: string;
  /** Who holds it now (a company, a committee, a department), when known. */
  holder: string | null;
  /** When it began (issued, reported, opened). */
  since: Date;
  /** When it was due; null when it has no due time (open notices listed for what they are). */
  due: Date | null;
  /** The workbench page of the item. */
  link: string;
}

const KEY = /^([a-z][a-z0-9_]*)\.[a-z][a-z0-9_]*$/;

/** Every module's watch sources, checked like the figures: '<module>.<name>', declared once. */
export function watchCatalogue(modules: readonly { name: string; watchlist?: WatchSource[] }[]): WatchSource[] {
  const seen = new Set<string>();
  const out: WatchSource[] = [];
  for (const m of modules) {
    for (const w of m.watchlist ?? []) {
      if (KEY.exec(w.key)?.[1] !== m.name) throw new Error(`watch source "${w.key}" of module ${m.name}: a key is '${m.name}.<name>'`);
      if (seen.has(w.key)) throw new Error(`watch source "${w.key}" is declared twice`);
      seen.add(w.key);
      out.push(w);
    }
  }
  return out;
}

let catalogue: WatchSource[] = [];
/** Sets the app's watch sources (buildServer, from the module list). */
export function useWatchlist(modules: readonly { name: string; watchlist?: WatchSource[] }[]): void {
  catalogue = watchCatalogue(modules);
}
/** The app's watch sources, in module order. */
export const watchSources = (): readonly WatchSource[] => catalogue;

/**
 * A source's answer from one query that selects its page with `count(*) over () as total` beside each row: the total
 * rides on every row (no second count query); an empty page means none at all, since a source reads from the start.
 */
export function watchPage<R extends { total: number }>(rows: R[], item: (row: R) => WatchItem): { total: number; items: WatchItem[] } {
  return { total: Number(rows[0]?.total ?? 0), items: rows.map(item) };
}
