import { audit, type Ctx } from '../../../kernel/context.ts';
import { write, read } from '../registry.db.ts';
import { startTask } from '../../../kernel/tasks/tasks.ts';
import type { AnalyseProgress } from '../import/analyse.ts';
import { analyseInWorker } from '../import/analyse-in-worker.ts';
import { type ColumnMapping, MappingError } from '../import/columns.ts';
import { auditPosition, keepPlan, mappingKey } from '../import/plan-cache.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { fileError, jsonOf, loadImportFor, presentReport, reportOf } from './import-access.ts';

export const IMPORT_DRY_RUN_TASK = 'registry.import.dry_run';

/** Audited; not a change of the registry (a dry run writes nothing into it: plan-cache.ts). */
export const IMPORT_ANALYSED = 'registry.import.analysed';

/**
 * The dry run: reads the file with the given (or the automatic) column mapping, checks every row
 * and compares with the registry. Writes nothing to the registry; keeps the report on the import,
 * and the plan (rows encrypted, ready to write) in memory for the commit (plan-cache.ts).
 */
export async function dryRunImport(ctx: Ctx, importId: string, mapping: ColumnMapping | undefined, progress?: AnalyseProgress) {
  const { kernel } = ctx;
  const { row, place } = await loadImportFor(read(kernel), ctx, importId);
  if (row.status === 'committing' || row.status === 'committed') throw RegistryErrors.IMPORT_BUSY();
  const content = await kernel.files.get(row.file_key);
  if (!content) throw RegistryErrors.IMPORT_NOT_FOUND();
  const useMapping = mapping ?? jsonOf<ColumnMapping>(row.mapping) ?? undefined;
  // Before reading the registry: any registry change after this point makes the commit check again.
  const auditSeq = await auditPosition(read(kernel));
  const analysis = await analyseInWorker(kernel, place, content, { mapping: useMapping, materialise: { importId }, progress }).catch((err) => {
    if (err instanceof MappingError) throw RegistryErrors.IMPORT_MAPPING_INVALID({ reason: err.message });
    return fileError(err);
  });
  if (analysis.plan) keepPlan(importId, { analysis, mappingKey: mappingKey(useMapping), auditSeq });
  const report = reportOf(analysis, 'dry-run', kernel.clock.now(), { committed: false, skipInvalid: false });
  await write(ctx, async (tx) => {
    const saved = await tx
      .updateTable('reg_imports')
      .set({ status: 'analysed', mapping: useMapping ? JSON.stringify(useMapping) : null, report: JSON.stringify(report) })
      .where('id', '=', importId)
      .where('status', 'not in', ['committing', 'committed'])
      .executeTakeFirst();
    if (Number(saved.numUpdatedRows) === 0) return;
    const rows = report.counts?.rows;
    await audit(tx, ctx, {
      action: IMPORT_ANALYSED,
      placeId: place.id,
      subjectType: 'import',
      subjectId: importId,
      detail: { rows: rows?.total ?? null, validRows: rows?.valid ?? null, invalidRows: rows?.invalid ?? null, errors: report.issues.filter((i) => i.level === 'error').length },
    });
  });
  return presentReport(report, ctx.actor.locale, 200);
}

/** Starts the dry run as a task: its progress at GET /api/tasks/:id, its report there when done. */
export async function startImportDryRun(ctx: Ctx, importId: string, mapping?: ColumnMapping) {
  const { row } = await loadImportFor(read(ctx), ctx, importId);
  if (row.status === 'committing' || row.status === 'committed') throw RegistryErrors.IMPORT_BUSY();
  const taskId = await startTask(ctx, { kind: IMPORT_DRY_RUN_TASK, placeId: row.place_id }, (progress) =>
    dryRunImport(ctx, importId, mapping, progress).then((r) => ({ importId, errorCount: r.errorCount, updateCount: r.updateCount, counts: r.counts })),
  );
  await read(ctx).updateTable('reg_imports').set({ task_id: taskId }).where('id', '=', importId).execute();
  return { importId, taskId };
}
