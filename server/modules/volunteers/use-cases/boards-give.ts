import { audit, type Ctx } from '../../../kernel/context.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import { write } from '../volunteers.db.ts';
import { ownListing } from './boards-access.ts';

/** The owner marks a second-hand item given — only once it is reserved for a neighbour; other requests are declined. */
export async function markGiven(ctx: Ctx, id: string): Promise<{ id: string; status: 'given' }> {
  return write(ctx, async (tx) => {
    const listing = await ownListing(tx, ctx, id, { forUpdate: true });
    if (listing.kind !== 'secondhand') throw BoardsErrors.WRONG_KIND();
    if (listing.status !== 'reserved') throw BoardsErrors.NOT_RESERVED();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_listings').set({ status: 'given', updated_at: now }).where('street_id', '=', listing.streetId).where('id', '=', id).execute();
    await tx.updateTable('vol_board_requests').set({ status: 'declined', decided_at: now, updated_at: now }).where('street_id', '=', listing.streetId).where('listing_id', '=', id).where('status', '=', 'pending').execute();
    await audit(tx, ctx, { action: 'volunteers.boards.item_given', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: id, detail: {} });
    return { id, status: 'given' as const };
  });
}
