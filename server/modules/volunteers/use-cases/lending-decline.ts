import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../volunteers.db.ts';
import { LendingErrors } from '../volunteers.lending.errors.ts';
import type { DeclineBody } from '../volunteers.lending.schemas.ts';
import { loanOfActor } from './lending-access.ts';

/** The owner declines a request (optionally saying why): the borrower is told; audited. */
export async function declineLoan(ctx: Ctx, loanId: string, body: DeclineBody): Promise<{ id: string; status: 'declined' }> {
  return write(ctx, async (tx) => {
    const loan = await loanOfActor(tx, ctx, loanId, 'owner');
    if (loan.status !== 'requested') throw LendingErrors.LOAN_NOT_PENDING();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('vol_loans')
      .set({ status: 'declined', decided_at: now, decline_reason: body.reason ?? null, updated_at: now })
      .where('street_id', '=', loan.streetId)
      .where('id', '=', loan.id)
      .execute();
    await notify(tx, ctx, { template: 'volunteers.lending.declined', placeId: loan.placeId, to: { persons: [loan.borrowerPersonId] }, data: { title: loan.title, reason: body.reason ?? '' }, subject: { type: 'vol_loan', id: loan.id } });
    await audit(tx, ctx, { action: 'volunteers.lending.declined', placeId: loan.placeId, subjectType: 'vol_loan', subjectId: loan.id, detail: { listing: loan.listingId, reason: body.reason ?? null } });
    return { id: loan.id, status: 'declined' as const };
  });
}
