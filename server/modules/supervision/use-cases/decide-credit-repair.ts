import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { CreditErrors } from '../supervision.credit.errors.ts';
import type { DecideRepairBody } from '../supervision.credit.schemas.ts';
import { write } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { companyFor } from './credit-access.ts';

/**
 * The street decides a repair application (SUPERVISION_ROLES.creditDecide at the street) with a reason. Approved:
 * the record's repaired_at is now — it stops counting from now on, not retroactively (a grade of an earlier
 * instant is unchanged). Rejected: the record counts on; the company may apply again. Audited either way.
 */
export async function decideCreditRepair(ctx: Ctx, repairId: string, input: DecideRepairBody): Promise<void> {
  await write(ctx, async (tx) => {
    const repair = await tx.selectFrom('sup_credit_repairs').selectAll().where('id', '=', repairId).forUpdate().executeTakeFirst();
    if (!repair) throw CreditErrors.REPAIR_NOT_FOUND();
    const street = await findPlace(tx, repair.street_id);
    await companyFor(ctx, tx, repair.company_id).catch(() => {
      throw CreditErrors.REPAIR_NOT_FOUND();
    });
    if (!street || !allows(ctx.actor, 'creditDecide', street.path)) throw CommonErrors.FORBIDDEN();
    if (repair.status !== 'pending') throw CreditErrors.REPAIR_DECIDED();
    const now = ctx.kernel.clock.now();
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await tx
      .updateTable('sup_credit_repairs')
      .set({ status, decided_by: ctx.actor.accountId, decider_name: ctx.actor.name, decided_at: now, reason: input.reason })
      .where('street_id', '=', repair.street_id)
      .where('id', '=', repair.id)
      .execute();
    if (status === 'approved') {
      await tx
        .updateTable('sup_credit_records')
        .set({ repaired_at: now, repair_id: repair.id })
        .where('street_id', '=', repair.street_id)
        .where('id', '=', repair.record_id)
        .where('repaired_at', 'is', null)
        .execute();
    }
    await audit(tx, ctx, {
      action: status === 'approved' ? 'supervision.credit.repair_approved' : 'supervision.credit.repair_rejected',
      placeId: repair.street_id,
      subjectType: 'sup_credit_repairs',
      subjectId: repair.id,
      before: { status: 'pending' },
      after: { status, reason: input.reason, ...(status === 'approved' ? { repairedAt: now } : {}) },
      detail: { recordId: repair.record_id, companyId: repair.company_id },
    });
  });
}
