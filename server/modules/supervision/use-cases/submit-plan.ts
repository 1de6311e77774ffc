import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { write } from '../supervision.db.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import type { PlanFields } from '../supervision.lists.schemas.ts';
import { loadVisibleEntry } from './get-list-entry.ts';
import { holdsOnCompany } from './list-access.ts';
import { checkListFiles, type ListUpload, storeListFiles, withListFiles } from './list-files.ts';

/**
 * The company uploads its rectification plan for a plan measure (SUPERVISION_ROLES.creditApply at a compound it
 * serves): a note and at least one file, once. A plan after its due day is still taken — the record shows when.
 */
export async function submitPlan(ctx: Ctx, measureId: string, input: PlanFields, uploads: ListUpload[]) {
  const files = checkListFiles(uploads, true);
  return withListFiles(ctx, (added) =>
    write(ctx, async (tx) => {
      const m = await tx.selectFrom('sup_list_measures').selectAll().where('id', '=', measureId).forUpdate().executeTakeFirst();
      if (!m) throw ListsErrors.MEASURE_NOT_FOUND();
      const e = await loadVisibleEntry(tx, ctx, m.entry_id).catch((err) => {
        throw err?.code === 'ENTRY_NOT_FOUND' ? ListsErrors.MEASURE_NOT_FOUND() : err;
      });
      if (!(await holdsOnCompany(tx, ctx.actor, e.street_id, e.company_id, 'creditApply'))) throw CommonErrors.FORBIDDEN();
      if (m.kind !== 'rectification_plan') throw ListsErrors.NOT_A_PLAN();
      if (m.plan_submitted_at) throw ListsErrors.PLAN_SUBMITTED();
      const now = ctx.kernel.clock.now();
      await tx.updateTable('sup_list_measures').set({ plan_note: input.note, plan_submitted_at: now }).where('street_id', '=', m.street_id).where('id', '=', m.id).execute();
      await storeListFiles(tx, ctx, { streetId: m.street_id, measureId: m.id, at: now }, files, added);
      await audit(tx, ctx, {
        action: 'supervision.lists.plan_submitted',
        placeId: e.street_id,
        subjectType: 'sup_list_entry',
        subjectId: e.id,
        detail: { measureId: m.id, company: e.company_name, period: e.period, files: files.length, due: m.plan_due },
      });
      return { id: m.id, entryId: e.id, planSubmittedAt: now };
    }),
  );
}
