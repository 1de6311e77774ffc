import { hostname, userInfo } from 'node:os';
import { isSystem } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { startTask } from '../../../kernel/tasks/tasks.ts';
import { analyseInWorker } from '../import/analyse-in-worker.ts';
import { type ColumnMapping, MappingError } from '../import/columns.ts';
import type { Analysis } from '../import/analyse.ts';
import { loadedRowCount } from '../import/copy-loads.ts';
import { forgetPlan, keptPlan, registryChangedSince } from '../import/plan-cache.ts';
import { StaleImportError, writePlan } from '../import/write-plan.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { syncTagSpans } from './tag-spans.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { fileError, jsonOf, loadImportFor, presentReport, reportOf } from './import-access.ts';
import { copyTransaction, read } from '../registry.db.ts';

export const IMPORT_COMMIT_TASK = 'registry.import.commit';

export type ImportPhase = 'read' | 'write' | 'done';
export type CommitProgress = (phase: ImportPhase, done: number, total: number) => Promise<void> | void;

/**
 * Commits an import: takes the dry run's plan if the registry has not changed since (plan-cache.ts),
 * else reads and checks the file again in a worker thread; then writes the plan — all of it, or
 * with `skipInvalid` exactly the valid rows — in one transaction with one audit entry for the batch.
 *
 * Owners of record added by an import need no second approver: the import is itself the act of an
 * official who may write places, people and households over the whole target place, and the batch
 * is audited as one act (see docs/ARCHITECTURE.md, registry). A file with errors writes nothing
 * unless the importer chose to skip the invalid rows.
 */
export async function commitImport(
  ctx: Ctx,
  importId: string,
  opts: { mapping?: ColumnMapping; skipInvalid: boolean },
  progress: CommitProgress = () => {},
) {
  const { kernel } = ctx;
  const { row, place } = await loadImportFor(read(kernel), ctx, importId);
  // Claim the import: a second commit of the same file (a double click) is refused, not repeated.
  const claimed = await read(kernel)
    .updateTable('reg_imports')
    .set({ status: 'committing', owner: kernel.instance })
    .where('id', '=', importId)
    .where('status', 'in', ['uploaded', 'analysed', 'failed'])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw RegistryErrors.IMPORT_BUSY();
  let finalStatus: 'analysed' | 'committed' = 'analysed';
  try {
    const content = await kernel.files.get(row.file_key);
    if (!content) throw RegistryErrors.IMPORT_NOT_FOUND();
    const mapping = opts.mapping ?? jsonOf<ColumnMapping>(row.mapping) ?? undefined;
    const analyseNow = () =>
      analyseInWorker(kernel, place, content, { mapping, materialise: { importId }, progress: (done, total) => progress('read', done, total) }).catch((err) => {
        if (err instanceof MappingError) throw RegistryErrors.IMPORT_MAPPING_INVALID({ reason: err.message });
        return fileError(err);
      });

    /** Checks the analysis and writes it; `since` is set when the analysis is the dry run's. */
    const commitAnalysis = async (analysis: Analysis, since: number | null) => {
      const errors = analysis.issues.filter((i) => i.level === 'error');
      const plan = analysis.plan;
      const saveReport = (committed: boolean) =>
        JSON.stringify(reportOf(analysis, 'commit', kernel.clock.now(), { committed, skipInvalid: opts.skipInvalid }));
      if (!plan || (errors.length > 0 && !opts.skipInvalid)) {
        await read(kernel).updateTable('reg_imports').set({ report: saveReport(false) }).where('id', '=', importId).execute();
        throw RegistryErrors.IMPORT_HAS_ERRORS({ count: new Set(errors.map((e) => e.row)).size || 1 });
      }
      if (plan.validRowCount === 0) {
        await read(kernel).updateTable('reg_imports').set({ report: saveReport(false) }).where('id', '=', importId).execute();
        throw RegistryErrors.IMPORT_NOTHING_VALID();
      }
      const now = kernel.clock.now();
      const total = loadedRowCount(plan.loads);
      let written = 0;
      await progress('write', 0, total);
      const { counts } = plan;
      // One transaction that can also COPY: the rows, the audit entry and the import's status commit together.
      await copyTransaction(kernel, async (tx, copy) => {
          // Checked inside the transaction: on the embedded database nothing can change after it.
          if (since !== null && (await registryChangedSince(tx, since))) throw new PlanOutdated();
          await writePlan(tx, copy, importId, plan.loads, counts, now, async (n) => {
            written += n;
            await progress('write', written, total);
          });
          // The tags' history of every person the import created or updated (their rows carry the commit's time).
          await syncTagSpans(tx, { streetId: row.street_id, touchedAt: now }, chinaDay(now), isSystem(ctx.actor) ? null : ctx.actor.accountId);
          await audit(tx, ctx, {
            action: 'registry.import.committed',
            placeId: place.id,
            subjectType: 'import',
            subjectId: importId,
            after: { fileSha256: row.file_sha256, counts, entityDigest: plan.entityDigest },
            detail: {
              file: row.file_name,
              rows: counts.rows.total,
              importedRows: counts.rows.valid,
              skippedRows: counts.rows.invalid,
              skipInvalid: opts.skipInvalid,
              // Whether the rows were checked against the registry at the dry run (unchanged since) or now.
              checkedAt: since !== null ? 'dry-run' : 'commit',
              buildings: counts.buildings.created,
              units: counts.units.created,
              rooms: counts.rooms,
              persons: counts.persons,
              households: counts.households,
              ...(isSystem(ctx.actor) ? { via: 'cli', host: hostname(), osUser: safeUser() } : {}),
            },
          });
          await tx
            .updateTable('reg_imports')
            .set({ status: 'committed', report: saveReport(true), committed_at: now, committed_by: ctx.actor.accountId, mapping: mapping ? JSON.stringify(mapping) : null })
            .where('id', '=', importId)
            .execute();
        })
        .catch((err) => {
          // A constraint violation here means someone changed the registry after the plan was made.
          if (err instanceof StaleImportError || (!(err instanceof AppError) && ['23505', '23503', '23514'].includes((err as { code?: string }).code ?? ''))) {
            throw RegistryErrors.IMPORT_STALE();
          }
          throw err;
        });
      return analysis;
    };

    const kept = keptPlan(importId, mapping);
    const analysis = kept
      ? await commitAnalysis(kept.analysis, kept.auditSeq).catch(async (err) => {
          if (!(err instanceof PlanOutdated)) throw err;
          // The registry changed since the dry run: check the file against it as it is now.
          return commitAnalysis(await analyseNow(), null);
        })
      : await commitAnalysis(await analyseNow(), null);
    finalStatus = 'committed';
    forgetPlan(importId);
    await progress('done', 1, 1);
    return { importId, ...presentReport(reportOf(analysis, 'commit', kernel.clock.now(), { committed: true, skipInvalid: opts.skipInvalid }), ctx.actor.locale, 200) };
  } finally {
    if (finalStatus !== 'committed') {
      await read(kernel).updateTable('reg_imports').set({ status: finalStatus }).where('id', '=', importId).where('status', '=', 'committing').execute();
    }
  }
}

class PlanOutdated extends Error {}

const safeUser = () => {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
};

// Share of the progress bar per phase: reading and checking (in the worker), writing (the transaction).
const SPAN: Record<ImportPhase, [number, number]> = { read: [0, 500], write: [500, 1000], done: [1000, 1000] };

/** Starts the commit as a task; the progress (0–1000) at GET /api/tasks/:id. */
export async function startImportCommit(ctx: Ctx, importId: string, opts: { mapping?: ColumnMapping; skipInvalid: boolean }) {
  const { row } = await loadImportFor(read(ctx), ctx, importId);
  if (row.status === 'committing' || row.status === 'committed') throw RegistryErrors.IMPORT_BUSY();
  const taskId = await startTask(ctx, { kind: IMPORT_COMMIT_TASK, placeId: row.place_id }, (progress) =>
    commitImport(ctx, importId, opts, (phase, done, total) => {
      const [from, to] = SPAN[phase];
      return progress(Math.round(from + ((to - from) * done) / Math.max(total, 1)), 1000);
    }).then((r) => ({ importId, committed: true, counts: r.counts, errorCount: r.errorCount, updateCount: r.updateCount })),
  );
  await read(ctx).updateTable('reg_imports').set({ task_id: taskId }).where('id', '=', importId).execute();
  return { importId, taskId };
}
