import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { DEFAULT_RETENTION_DAYS } from '../grid.agency.constants.ts';
import { read, write } from '../grid.db.ts';
import { addStep } from './agency-access.ts';
import { purgeFilesOf, removeUnreferencedFiles } from './files.ts';

/**
 * The retention of case documents (ID copies, forms): once a case has been completed (or withdrawn) for the street's
 * `document_retention_days` (default 30) — at that instant, not a day later — its documents' content is deleted. Each
 * case in its own transaction: the files' rows keep their labels with `purged_at`, the case is marked and its
 * timeline says so, one audit entry per case; the stored files nothing else refers to are removed after commit.
 */
export async function purgeAgencyDocuments(kernel: Kernel): Promise<{ purged: number; files: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const due = await read(kernel)
    .selectFrom('grid_agency_cases as k')
    .leftJoin('grid_agency_settings as s', 's.street_id', 'k.street_id')
    .select(['k.street_id as streetId', 'k.id', 'k.no', 'k.compound_id as compoundId', 'k.status'])
    .select(sql<number>`coalesce(s.document_retention_days, ${DEFAULT_RETENTION_DAYS})`.as('days'))
    .where('k.status', 'in', ['completed', 'withdrawn'])
    .where('k.documents_purged_at', 'is', null)
    .where(sql<boolean>`coalesce(k.completed_at, k.withdrawn_at) + make_interval(days => coalesce(s.document_retention_days, ${DEFAULT_RETENTION_DAYS})) <= ${now}`)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('grid_files as f').select('f.id').whereRef('f.street_id', '=', 'k.street_id').where('f.subject_type', '=', 'case').whereRef('f.subject_id', '=', 'k.id').where('f.purged_at', 'is', null)),
    )
    .orderBy('k.completed_at')
    .limit(1000)
    .execute();
  let purged = 0;
  let files = 0;
  for (const d of due) {
    const keys: string[] = [];
    const n = await write(ctx, async (tx) => {
      const kase = await tx
        .updateTable('grid_agency_cases')
        .set({ documents_purged_at: now })
        .where('street_id', '=', d.streetId)
        .where('id', '=', d.id)
        .where('documents_purged_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!kase) return 0;
      const held = await tx.selectFrom('grid_files').select('file_key').where('street_id', '=', d.streetId).where('subject_type', '=', 'case').where('subject_id', '=', d.id).where('purged_at', 'is', null).execute();
      keys.push(...held.map((h) => h.file_key).filter((k): k is string => !!k));
      const count = await purgeFilesOf(tx, ctx, d.streetId, 'case', d.id);
      await addStep(tx, ctx, { streetId: d.streetId, id: d.id }, 'documents_purged', `已按规定删除 ${count} 份材料（保存 ${d.days} 天）`);
      await audit(tx, ctx, { action: 'grid.agency.documents_purged', placeId: d.compoundId, subjectType: 'grid_agency_case', subjectId: d.id, detail: { no: d.no, files: count, retentionDays: Number(d.days) } });
      return count;
    });
    if (n) {
      purged++;
      files += n;
      await removeUnreferencedFiles(ctx, keys);
    }
  }
  return { purged, files };
}

/** Daily in effect: runs hourly, and a case's documents go the first run at or after their time. */
export const agencyRetentionJob: Job = { name: 'grid.agency.purge-documents', everyMs: 3_600_000, run: purgeAgencyDocuments };
