import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { isSystem } from '../../../kernel/access/index.ts';
import { write } from '../supervision.db.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import type { DecideBody } from '../supervision.lists.schemas.ts';
import { allows } from '../supervision.policy.ts';
import { loadVisibleEntry } from './get-list-entry.ts';

/**
 * The street decides an appeal (SUPERVISION_ROLES.creditDecide at the street), with its reasons: upheld takes the
 * entry off the published black list (the public page shows it removed, with the decision); rejected keeps it.
 * Decided once.
 */
export async function decideAppeal(ctx: Ctx, appealId: string, input: DecideBody) {
  return write(ctx, async (tx) => {
    const appeal = await tx.selectFrom('sup_list_appeals').selectAll().where('id', '=', appealId).forUpdate().executeTakeFirst();
    if (!appeal) throw ListsErrors.APPEAL_NOT_FOUND();
    const e = await loadVisibleEntry(tx, ctx, appeal.entry_id, true).catch((err) => {
      throw err?.code === 'ENTRY_NOT_FOUND' ? ListsErrors.APPEAL_NOT_FOUND() : err;
    });
    if (!allows(ctx.actor, 'creditDecide', e.street_path)) throw CommonErrors.FORBIDDEN();
    if (appeal.status !== 'pending') throw ListsErrors.APPEAL_DECIDED();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('sup_list_appeals')
      .set({ status: input.decision, decision_reasons: input.reasons, decided_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, decided_by_name: ctx.actor.name, decided_at: now })
      .where('street_id', '=', appeal.street_id)
      .where('id', '=', appeal.id)
      .execute();
    if (input.decision === 'upheld') {
      await tx.updateTable('sup_list_entries').set({ removed_at: now }).where('street_id', '=', e.street_id).where('id', '=', e.id).execute();
    }
    await audit(tx, ctx, {
      action: input.decision === 'upheld' ? 'supervision.lists.appeal_upheld' : 'supervision.lists.appeal_rejected',
      placeId: e.street_id,
      subjectType: 'sup_list_entry',
      subjectId: e.id,
      before: { status: 'pending', onList: true },
      after: { status: input.decision, onList: input.decision !== 'upheld' },
      detail: { appealId: appeal.id, company: e.company_name, period: e.period, reasons: input.reasons },
    });
    return { id: appeal.id, entryId: e.id, status: input.decision };
  });
}
