import { sql } from 'kysely';
import type { Executor } from './supervision.db.ts';
import type { SheetKind } from './supervision.sheets.constants.ts';
import type { ItemEntry, ScoredIndicator, ScoredSection } from './use-cases/sheet-score.ts';

/** SQL over the sheets part's own tables (and the kernel's places). */

export const SHEET_COLUMNS = [
  's.id',
  's.street_id',
  's.place_id',
  's.kind',
  's.name',
  's.version',
  's.applies_from',
  's.status',
  's.is_demo',
  's.frozen_at',
  's.created_at',
  's.updated_at',
] as const;

/** A sheet with its street's path and name. */
export function selectSheet(db: Executor) {
  return db
    .selectFrom('sup_sheets as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .select([...SHEET_COLUMNS, 'p.path as streetPath', 'p.name as streetName']);
}

export async function findSheet(db: Executor, id: string) {
  return selectSheet(db).where('s.id', '=', id).executeTakeFirst();
}
export type SheetRow = NonNullable<Awaited<ReturnType<typeof findSheet>>>;

/** Locks the sheet's row for a change (edits and activation of one sheet run one at a time). */
export async function lockSheet(db: Executor, id: string) {
  return db.selectFrom('sup_sheets').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Serialises version changes of one kind of sheet at a street (activation, new drafts): a transaction lock. */
export async function lockSheetKind(db: Executor, streetId: string, kind: SheetKind) {
  await sql`select pg_advisory_xact_lock(hashtext(${`sup_sheets:${streetId}:${kind}`}))`.execute(db);
}

export async function sectionsOf(db: Executor, sheetId: string) {
  return db.selectFrom('sup_sheet_sections').select(['id', 'position', 'name', 'weight']).where('sheet_id', '=', sheetId).orderBy('position').execute();
}

export async function indicatorsOf(db: Executor, sheetId: string) {
  return db
    .selectFrom('sup_sheet_indicators')
    .select(['id', 'section_id as sectionId', 'position', 'code', 'name', 'guidance', 'method', 'max_points as maxCenti', 'deduction_points as deductionCenti', 'evidence'])
    .where('sheet_id', '=', sheetId)
    .orderBy('position')
    .execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof indicatorsOf>>[number];

/** The sheet's structure as the scoring reads it. */
export async function sheetStructure(db: Executor, sheetId: string): Promise<{ sections: (ScoredSection & { name: string; position: number })[]; indicators: (ScoredIndicator & IndicatorRow)[] }> {
  const [sections, indicators] = await Promise.all([sectionsOf(db, sheetId), indicatorsOf(db, sheetId)]);
  return { sections, indicators };
}

/** The highest version of a kind of sheet at a street, and its draft if there is one. */
export async function versionsOf(db: Executor, streetId: string, kind: SheetKind) {
  const rows = await db.selectFrom('sup_sheets').select(['id', 'version', 'status']).where('street_id', '=', streetId).where('place_id', '=', streetId).where('kind', '=', kind).execute();
  return {
    maxVersion: rows.reduce((a, r) => Math.max(a, r.version), 0),
    draft: rows.find((r) => r.status === 'draft'),
    everActivated: rows.some((r) => r.status !== 'draft'),
  };
}

/** Copies sections and indicators of one sheet into another (fresh ids), inside the caller's transaction. */
export async function copySheetContent(db: Executor, streetId: string, fromSheetId: string, toSheetId: string, newId: () => string) {
  const { sections, indicators } = await sheetStructure(db, fromSheetId);
  const sectionIds = new Map(sections.map((s) => [s.id, newId()]));
  if (sections.length > 0) {
    await db
      .insertInto('sup_sheet_sections')
      .values(sections.map((s) => ({ street_id: streetId, id: sectionIds.get(s.id)!, sheet_id: toSheetId, position: s.position, name: s.name, weight: s.weight })))
      .execute();
  }
  if (indicators.length > 0) {
    await db
      .insertInto('sup_sheet_indicators')
      .values(
        indicators.map((i) => ({
          street_id: streetId,
          id: newId(),
          sheet_id: toSheetId,
          section_id: sectionIds.get(i.sectionId)!,
          position: i.position,
          code: i.code,
          name: i.name,
          guidance: i.guidance,
          method: i.method,
          max_points: i.maxCenti,
          deduction_points: i.deductionCenti,
          evidence: i.evidence,
        })),
      )
      .execute();
  }
}

/** An inspection with its compound's path and name, and its sheet's name, kind and version. */
export function selectInspection(db: Executor) {
  return db
    .selectFrom('sup_inspections as i')
    .innerJoin('places as c', 'c.id', 'i.place_id')
    .innerJoin('sup_sheets as s', (j) => j.onRef('s.street_id', '=', 'i.street_id').onRef('s.id', '=', 'i.sheet_id'))
    .select([
      'i.id',
      'i.street_id',
      'i.place_id',
      'i.company_id',
      'i.sheet_id',
      'i.period',
      'i.inspector_id',
      'i.inspector_name',
      'i.status',
      'i.score_centi',
      'i.note',
      'i.started_at',
      'i.submitted_at',
      'c.path as compoundPath',
      'c.name as compoundName',
      's.name as sheetName',
      's.kind as sheetKind',
      's.version as sheetVersion',
    ]);
}

export async function findInspection(db: Executor, id: string) {
  return selectInspection(db).where('i.id', '=', id).executeTakeFirst();
}
export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

export async function lockInspection(db: Executor, id: string) {
  return db.selectFrom('sup_inspections').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function itemsOf(db: Executor, inspectionId: string) {
  return db
    .selectFrom('sup_inspection_items')
    .select(['indicator_id as indicatorId', 'awarded_points as awardedCenti', 'findings', 'met', 'credited_points as creditedCenti', 'note', 'updated_at as updatedAt'])
    .where('inspection_id', '=', inspectionId)
    .execute();
}

export async function filesOf(db: Executor, inspectionId: string) {
  return db
    .selectFrom('sup_inspection_files')
    .select(['id', 'indicator_id as indicatorId', 'kind', 'file_name as fileName', 'mime', 'size_bytes as sizeBytes', 'uploaded_at as uploadedAt'])
    .where('inspection_id', '=', inspectionId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** The entries of an inspection as the scoring reads them: what was entered and the evidence count per indicator. */
export async function entriesOf(db: Executor, inspectionId: string): Promise<Map<string, ItemEntry>> {
  const [items, files] = await Promise.all([itemsOf(db, inspectionId), filesOf(db, inspectionId)]);
  const out = new Map<string, ItemEntry>();
  for (const i of items) out.set(i.indicatorId, { awardedCenti: i.awardedCenti, findings: i.findings, met: i.met, photos: 0, documents: 0 });
  for (const f of files) {
    const e = out.get(f.indicatorId);
    if (e) e[f.kind === 'photo' ? 'photos' : 'documents'] += 1;
  }
  return out;
}
