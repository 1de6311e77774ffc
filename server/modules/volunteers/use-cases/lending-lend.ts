import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../volunteers.db.ts';
import { LendingErrors } from '../volunteers.lending.errors.ts';
import { addDays, lendableListing, loanOfActor, todayOf } from './lending-access.ts';

/**
 * The owner lends the item to the one who asked: the listing goes open → lent by a conditional update (a second lend
 * of the same item, from any process, finds it lent and is refused), the loan is due the listing's loan_days after
 * today (China days). A hidden item is not lent. The borrower is told; audited.
 */
export async function lendLoan(ctx: Ctx, loanId: string): Promise<{ id: string; status: 'lent'; lentOn: string; dueOn: string }> {
  return write(ctx, async (tx) => {
    const loan = await loanOfActor(tx, ctx, loanId, 'owner');
    if (loan.status !== 'requested') throw LendingErrors.LOAN_NOT_PENDING();
    const item = await lendableListing(tx, loan.listingId);
    if (item.hiddenAt || item.status === 'closed') throw LendingErrors.LENDING_ITEM_NOT_FOUND();
    const now = ctx.kernel.clock.now();
    const taken = await tx
      .updateTable('vol_listings')
      .set({ status: 'lent', updated_at: now })
      .where('street_id', '=', item.streetId)
      .where('id', '=', item.id)
      .where('status', '=', 'open')
      .where('hidden_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw LendingErrors.LENDING_ITEM_LENT();
    const lentOn = todayOf(ctx);
    const dueOn = addDays(lentOn, item.loanDays);
    await tx
      .updateTable('vol_loans')
      .set({ status: 'lent', decided_at: now, lent_on: lentOn, due_on: dueOn, updated_at: now })
      .where('street_id', '=', loan.streetId)
      .where('id', '=', loan.id)
      .execute();
    await notify(tx, ctx, { template: 'volunteers.lending.lent', placeId: loan.placeId, to: { persons: [loan.borrowerPersonId] }, data: { title: item.title, due: dueOn }, subject: { type: 'vol_loan', id: loan.id } });
    await audit(tx, ctx, { action: 'volunteers.lending.lent', placeId: loan.placeId, subjectType: 'vol_loan', subjectId: loan.id, detail: { listing: item.id, lentOn, dueOn } });
    return { id: loan.id, status: 'lent' as const, lentOn, dueOn };
  });
}
