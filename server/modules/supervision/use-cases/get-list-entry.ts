import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, read } from '../supervision.db.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import { type LoadedEntry, loadEntry, rulesOf } from '../supervision.lists.repository.ts';
import { allows } from '../supervision.policy.ts';
import { holdsOnCompany, seesCompany } from './list-access.ts';

/** Loads an entry the actor sees (locked for a change when asked); anything else is "not found". */
export async function loadVisibleEntry(db: Executor, ctx: Ctx, id: string, forUpdate = false): Promise<LoadedEntry> {
  const entry = await loadEntry(db, id, forUpdate);
  if (!entry || !(await seesCompany(db, ctx.actor, { id: entry.street_id, path: entry.street_path }, entry.company_id))) throw ListsErrors.ENTRY_NOT_FOUND();
  return entry;
}

/**
 * One entry with its appeal (reasons, files, the decision and its reasons) and its measures (each with the clause
 * it cites and, for a plan, the company's upload), and what the actor may do now: the company appeals within the
 * window; the street decides a pending appeal and records measures of the kinds its rules list.
 */
export async function getListEntry(ctx: Ctx, id: string) {
  const db = read(ctx);
  const e = await loadVisibleEntry(db, ctx, id);
  const appeal = await db.selectFrom('sup_list_appeals').selectAll().where('street_id', '=', e.street_id).where('entry_id', '=', e.id).executeTakeFirst();
  const measures = await db.selectFrom('sup_list_measures').selectAll().where('street_id', '=', e.street_id).where('entry_id', '=', e.id).orderBy('recorded_at').orderBy('id').execute();
  const files = await db
    .selectFrom('sup_list_files')
    .select(['id', 'appeal_id', 'measure_id', 'file_name as fileName', 'mime', 'size_bytes as sizeBytes', 'uploaded_at as uploadedAt'])
    .where('street_id', '=', e.street_id)
    .where((eb) =>
      eb.or([
        ...(appeal ? [eb('appeal_id', '=', appeal.id)] : []),
        ...(measures.length ? [eb('measure_id', 'in', measures.map((m) => m.id))] : []),
        eb.lit(false),
      ]),
    )
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  const now = ctx.kernel.clock.now();
  const rules = await rulesOf(db, e.street_id);
  const black = e.list === 'black' && !e.removed_at;
  const applies = await holdsOnCompany(db, ctx.actor, e.street_id, e.company_id, 'creditApply');
  const decides = allows(ctx.actor, 'creditDecide', e.street_path);
  const fileView = (f: (typeof files)[number]) => ({ id: f.id, fileName: f.fileName, mime: f.mime, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt });
  return {
    id: e.id,
    publicationId: e.publication_id,
    streetId: e.street_id,
    streetName: e.street_name,
    period: e.period,
    asOf: e.as_of,
    publishedAt: e.published_at,
    companyId: e.company_id,
    companyName: e.company_name,
    list: e.list,
    grade: e.grade,
    scoreCenti: e.score_centi,
    basis: e.basis,
    appealUntil: e.appeal_until,
    removedAt: e.removed_at,
    appeal: appeal
      ? {
          id: appeal.id,
          reasons: appeal.reasons,
          submittedAt: appeal.submitted_at,
          submittedByName: appeal.submitted_by_name,
          status: appeal.status,
          decisionReasons: appeal.decision_reasons,
          decidedAt: appeal.decided_at,
          decidedByName: appeal.decided_by_name,
          files: files.filter((f) => f.appeal_id === appeal.id).map(fileView),
        }
      : null,
    measures: measures.map((m) => ({
      id: m.id,
      kind: m.kind,
      basis: m.basis,
      interviewOn: m.interview_on,
      attendees: m.attendees,
      extraInspections: m.extra_inspections,
      inspectionPeriod: m.inspection_period,
      planDue: m.plan_due,
      planNote: m.plan_note,
      planSubmittedAt: m.plan_submitted_at,
      note: m.note,
      recordedAt: m.recorded_at,
      recordedByName: m.recorded_by_name,
      files: files.filter((f) => f.measure_id === m.id).map(fileView),
      canSubmitPlan: m.kind === 'rectification_plan' && !m.plan_submitted_at && applies,
    })),
    /** The kinds the street's rules list now: the only measures that may be recorded. */
    listedMeasures: rules.measures,
    actions: {
      appeal: black && !appeal && applies && !!e.appeal_until && now <= e.appeal_until,
      decide: !!appeal && appeal.status === 'pending' && decides,
      measure: black && decides && appeal?.status !== 'pending',
    },
  };
}

/** A file of an entry's appeal or measures, for those who see the entry. */
export async function listEntryFile(ctx: Ctx, entryId: string, fileId: string) {
  const db = read(ctx);
  const e = await loadVisibleEntry(db, ctx, entryId);
  const f = await db
    .selectFrom('sup_list_files as f')
    .leftJoin('sup_list_appeals as a', (j) => j.onRef('a.street_id', '=', 'f.street_id').onRef('a.id', '=', 'f.appeal_id'))
    .leftJoin('sup_list_measures as m', (j) => j.onRef('m.street_id', '=', 'f.street_id').onRef('m.id', '=', 'f.measure_id'))
    .select(['f.file_key', 'f.file_name', 'f.mime'])
    .where('f.street_id', '=', e.street_id)
    .where('f.id', '=', fileId)
    .where((eb) => eb.or([eb('a.entry_id', '=', e.id), eb('m.entry_id', '=', e.id)]))
    .executeTakeFirst();
  const content = f ? await ctx.kernel.files.get(f.file_key) : null;
  if (!f || !content) throw ListsErrors.FILE_NOT_FOUND();
  return { fileName: f.file_name, mime: f.mime, content };
}
