import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Locale } from '../../../kernel/errors.ts';
import type { ColumnMapping } from '../import/columns.ts';
import { jsonOf, loadImportFor, presentReport, type StoredReport } from './import-access.ts';
import { read } from '../registry.db.ts';

/** An import with its latest report (dry run or commit), messages in the caller's language. */
export async function getImport(ctx: Ctx, id: string, locale: Locale = ctx.actor.locale) {
  const { row, place } = await loadImportFor(read(ctx), ctx, id);
  const label = await read(ctx)
    .selectFrom('places')
    .select(pathLabel('places.path', ['city', 'district', 'street', 'community', 'grid', 'compound']).as('label'))
    .where('id', '=', place.id)
    .executeTakeFirst();
  const report = jsonOf<StoredReport>(row.report);
  return {
    id: row.id,
    placeId: row.place_id,
    placeName: place.name,
    placeLabel: label?.label ?? place.name,
    fileName: row.file_name,
    fileSize: row.file_size,
    status: row.status,
    taskId: row.task_id,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    mapping: jsonOf<ColumnMapping>(row.mapping),
    report: report ? presentReport(report, locale) : null,
  };
}
