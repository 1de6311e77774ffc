import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';

/** The host cancels their pass: the gate refuses it from now on (通行证已取消). An ended pass cannot be cancelled. */
export async function cancelPass(ctx: Ctx, id: string): Promise<{ id: string; status: 'cancelled' }> {
  return write(ctx, async (tx) => {
    const pass = ctx.actor.accountId
      ? await tx.selectFrom('dev_passes').selectAll().where('id', '=', id).where('host_account_id', '=', ctx.actor.accountId).forUpdate().executeTakeFirst()
      : undefined;
    if (!pass) throw VisitorsErrors.PASS_NOT_FOUND();
    if (pass.status === 'cancelled') throw VisitorsErrors.PASS_CANCELLED();
    const now = ctx.kernel.clock.now();
    if (pass.valid_to < now) throw VisitorsErrors.PASS_ENDED();
    await tx.updateTable('dev_passes').set({ status: 'cancelled', cancelled_at: now }).where('street_id', '=', pass.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'devices.visitors.pass_cancelled', placeId: pass.place_id, subjectType: 'dev_pass', subjectId: id, before: { status: 'active' }, after: { status: 'cancelled' } });
    return { id, status: 'cancelled' as const };
  });
}
