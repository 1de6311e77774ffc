import { findPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../registry.db.ts';
import type { Locale } from '../../../kernel/errors.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Analysis } from '../import/analyse.ts';
import type { ColumnInfo } from '../import/columns.ts';
import { FileFormatError } from '../import/read-file.ts';
import { type Issue, presentIssue } from '../import/issues.ts';
import type { Counts } from '../import/plan.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows } from '../registry.policy.ts';

/**
 * Who may import, and the import record as stored and presented. An import writes places, people
 * and households at once, so it needs all three write permissions over the target place; anyone
 * who cannot read the place gets "not found", anyone who can read but not write it 403.
 */
const TARGET_KINDS = new Set(['city', 'district', 'street', 'community', 'grid', 'compound']);

export async function loadImportTarget(db: Executor, ctx: Ctx, placeId: string): Promise<PlaceRow> {
  const place = await findPlace(db, placeId);
  if (!place || !allows(ctx.actor, 'readPlaces', place.path)) throw RegistryErrors.PLACE_NOT_FOUND();
  if (!canImportInto(ctx, place)) throw CommonErrors.FORBIDDEN();
  if (!TARGET_KINDS.has(place.kind)) throw RegistryErrors.IMPORT_TARGET_KIND();
  return place;
}

export const canImportInto = (ctx: Ctx, place: PlaceRow) =>
  allows(ctx.actor, 'writePlaces', place.path) && allows(ctx.actor, 'writePersons', place.path) && allows(ctx.actor, 'writeHouseholds', place.path);

export interface StoredReport {
  kind: 'dry-run' | 'commit';
  at: string;
  committed: boolean;
  skipInvalid: boolean;
  sheet: Analysis['sheet'];
  headerRow: number | null;
  columns: ColumnInfo[];
  counts: Counts | null;
  errorCount: number;
  updateCount: number;
  /** At most MAX_STORED_ISSUES, errors first. */
  issues: Issue[];
  truncated: boolean;
}

const MAX_STORED_ISSUES = 20_000;

export function reportOf(analysis: Analysis, kind: StoredReport['kind'], at: Date, opts: { committed: boolean; skipInvalid: boolean }): StoredReport {
  const errors = analysis.issues.filter((i) => i.level === 'error');
  const updates = analysis.issues.filter((i) => i.level === 'update');
  const kept = [...errors, ...updates].slice(0, MAX_STORED_ISSUES).sort((a, b) => a.row - b.row);
  return {
    kind,
    at: at.toISOString(),
    committed: opts.committed,
    skipInvalid: opts.skipInvalid,
    sheet: analysis.sheet,
    headerRow: analysis.headerRow,
    columns: analysis.columns,
    counts: analysis.plan?.counts ?? null,
    errorCount: errors.length,
    updateCount: updates.length,
    issues: kept,
    truncated: errors.length + updates.length > kept.length,
  };
}

/** The report as the API shows it: messages in the caller's language (and both, for the download). */
export function presentReport(report: StoredReport, locale: Locale, limit = 2000) {
  const { issues, ...rest } = report;
  return {
    ...rest,
    unmapped: report.columns.filter((c) => !c.field && c.header).map((c) => ({ letter: c.letter, header: c.header })),
    issues: issues.slice(0, limit).map((i) => presentIssue(i, locale)),
    issuesShown: Math.min(limit, issues.length),
  };
}
export type PresentedReport = ReturnType<typeof presentReport>;

export async function loadImportFor(db: Executor, ctx: Ctx, id: string) {
  const row = await db.selectFrom('reg_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw RegistryErrors.IMPORT_NOT_FOUND();
  const place = await findPlace(db, row.place_id);
  if (!place) throw RegistryErrors.IMPORT_NOT_FOUND();
  if (row.created_by !== ctx.actor.accountId && !canImportInto(ctx, place)) throw RegistryErrors.IMPORT_NOT_FOUND();
  return { row, place };
}
export type ImportRecord = Awaited<ReturnType<typeof loadImportFor>>['row'];

/** A stored JSON column as its value (pg hands back parsed jsonb, but be safe). */
export const jsonOf = <T>(v: unknown): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? null));

/** File problems as the module's errors. */
export function fileError(err: unknown): never {
  if (err instanceof FileFormatError) {
    if (err.reason === 'xls') throw RegistryErrors.IMPORT_FILE_XLS();
    if (err.reason === 'empty') throw RegistryErrors.IMPORT_FILE_EMPTY();
    throw RegistryErrors.IMPORT_FILE_UNREADABLE();
  }
  throw err;
}
