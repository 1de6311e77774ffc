import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../volunteers.db.ts';
import { LendingErrors } from '../volunteers.lending.errors.ts';
import { loanOfActor } from './lending-access.ts';

/** The borrower withdraws a request the owner has not answered yet; audited. */
export async function cancelLoanRequest(ctx: Ctx, loanId: string): Promise<{ id: string; status: 'cancelled' }> {
  return write(ctx, async (tx) => {
    const loan = await loanOfActor(tx, ctx, loanId, 'borrower');
    if (loan.status !== 'requested') throw LendingErrors.LOAN_NOT_PENDING();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_loans').set({ status: 'cancelled', decided_at: now, updated_at: now }).where('street_id', '=', loan.streetId).where('id', '=', loan.id).execute();
    await audit(tx, ctx, { action: 'volunteers.lending.cancelled', placeId: loan.placeId, subjectType: 'vol_loan', subjectId: loan.id, detail: { listing: loan.listingId } });
    return { id: loan.id, status: 'cancelled' as const };
  });
}
