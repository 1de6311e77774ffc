import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../volunteers.db.ts';
import { LendingErrors } from '../volunteers.lending.errors.ts';
import { daysBetween, loanOfActor, todayOf } from './lending-access.ts';

/**
 * The owner confirms the item is back (only the owner: a borrower's word does not return it): the loan is returned and
 * the listing open again for the next neighbour (lent → open, conditional). Audited with how late it came back.
 */
export async function confirmReturn(ctx: Ctx, loanId: string): Promise<{ id: string; status: 'returned'; daysLate: number }> {
  return write(ctx, async (tx) => {
    const loan = await loanOfActor(tx, ctx, loanId, 'owner');
    if (loan.status !== 'lent') throw LendingErrors.LOAN_NOT_LENT();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_loans').set({ status: 'returned', returned_at: now, updated_at: now }).where('street_id', '=', loan.streetId).where('id', '=', loan.id).execute();
    await tx
      .updateTable('vol_listings')
      .set({ status: 'open', updated_at: now })
      .where('street_id', '=', loan.streetId)
      .where('id', '=', loan.listingId)
      .where('status', '=', 'lent')
      .execute();
    const daysLate = Math.max(0, daysBetween(loan.dueOn!, todayOf(ctx)));
    await audit(tx, ctx, { action: 'volunteers.lending.returned', placeId: loan.placeId, subjectType: 'vol_loan', subjectId: loan.id, detail: { listing: loan.listingId, daysLate } });
    return { id: loan.id, status: 'returned' as const, daysLate };
  });
}
