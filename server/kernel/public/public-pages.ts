import { pathLabel } from '../access/places.ts';
import type { Kernel } from '../context.ts';
import type { Executor } from '../db/index.ts';
import type { PlaceKind } from '../db/tables.ts';
import { remember } from '../db/read-cache.ts';
import type { Locale } from '../errors.ts';
import type { PublicPayload } from './payload.ts';

export type { PublicFact, PublicListItem, PublicPageAnswer, PublicPayload, PublicSection } from './payload.ts';

/**
 * A page anyone may open without signing in (a QR code in the lobby: a compound's notices, its
 * repair service 公示): a module declares it in its manifest (`publicPages`), and the kernel serves
 * it at a stable URL as JSON (GET /api/public/:key/:id?), a PDF (…/print.pdf) and a QR code
 * (…/qr.png), and the H5 renders it at /h5/p/:key/:id? — cached, rate-limited, no session.
 *
 * What it shows must carry no personal data: no phone, no ID number, no person's full name. Where a
 * page shows who posted something, it shows a masked name (王*) at a path it declares in
 * `maskedNames`; server/test/public-pages.checks.ts (run by server/demo/demo-street.test.ts) walks every
 * declared page of the demo street and fails on anything else (public-scan.ts).
 */
export interface PublicPage {
  /** `<module>.<name>`, stable: it is printed on paper as part of the URL. */
  key: string;
  title: Record<Locale, string>;
  /** 'id': one page per record or place, addressed by its uuid; absent: a single page. */
  param?: 'id';
  /** The payload, in the caller's language; null when there is nothing public at that id (answered 404). */
  load: (kernel: Kernel, at: { id: string | null; locale: Locale }) => Promise<PublicPayload | null>;
  /**
   * The paths (array indices written `[]`, e.g. `sections[].items[].by`) where the payload shows masked
   * names. Only masked names (王*) may stand there; a masked name anywhere else fails the test too.
   */
  maskedNames?: string[];
  /** How long the payload is reused (in this process and by browsers and proxies); default 60. */
  cacheSeconds?: number;
  /** A few ids with something to show, for the app-level test that walks every page (absent for a single page). */
  sampleIds?: (kernel: Kernel) => Promise<string[]>;
}

export const DEFAULT_CACHE_SECONDS = 60;
/** Requests per minute from one client address, per kind of answer (JSON, PDF, QR). */
export const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: '1 minute' } as const;
/** `<module>.<name>`: lower case, digits and dashes. */
export const PUBLIC_KEY = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

const pages = new Map<string, PublicPage>();

/** Makes a module's page reachable (server.ts, for each manifest's `publicPages`). */
export function registerPublicPage(page: PublicPage): void {
  if (!PUBLIC_KEY.test(page.key)) throw new Error(`public page key "${page.key}" is not <module>.<name>`);
  pages.set(page.key, page);
}

export const publicPage = (key: string): PublicPage | undefined => pages.get(key);
export const publicPages = (): PublicPage[] => [...pages.values()];

/** The H5 page, the PDF and the QR code of a page at an id (paths on this server). */
export function publicLinks(key: string, id: string | null) {
  const base = id ? `${key}/${id}` : key;
  return { page: `/h5/p/${base}`, pdf: `/api/public/${base}/print.pdf`, qr: `/api/public/${base}/qr.png` };
}

/**
 * The page's payload at `id`, remembered for its `cacheSeconds` (db/read-cache.ts: forgotten at once
 * by any committed write, in this process or another), so a lobby's worth of phones scanning the same
 * code costs one load.
 */
export function loadPublicPage(kernel: Kernel, page: PublicPage, id: string | null, locale: Locale): Promise<PublicPayload | null> {
  const seconds = page.cacheSeconds ?? DEFAULT_CACHE_SECONDS;
  return remember(kernel.db, `public\u0000${page.key}\u0000${id ?? ''}\u0000${locale}`, () => page.load(kernel, { id, locale }), seconds * 1000);
}

/** The place a page is about (a compound's board), labelled from the street down; null — a 404 — unless it is a `kind`. */
export function pagePlace(db: Executor, id: string, kind: PlaceKind) {
  return db
    .selectFrom('street_places as p')
    .select(['p.id', 'p.name', pathLabel('p.path', ['street', 'community', 'compound']).as('label')])
    .where('p.id', '=', id)
    .where('p.kind', '=', kind as Exclude<PlaceKind, 'city' | 'district'>)
    .executeTakeFirst();
}
