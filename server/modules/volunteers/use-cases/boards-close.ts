import { audit, type Ctx } from '../../../kernel/context.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import { write } from '../volunteers.db.ts';
import { ownListing } from './boards-access.ts';

/** The owner closes their own listing (any state but closed): it leaves the board; pending requests are declined. */
export async function closeListing(ctx: Ctx, id: string): Promise<{ id: string; status: 'closed' }> {
  return write(ctx, async (tx) => {
    const listing = await ownListing(tx, ctx, id, { forUpdate: true });
    if (listing.status === 'closed') throw BoardsErrors.LISTING_NOT_OPEN();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_listings').set({ status: 'closed', updated_at: now }).where('street_id', '=', listing.streetId).where('id', '=', id).execute();
    await tx
      .updateTable('vol_board_requests')
      .set({ status: 'declined', decided_at: now, updated_at: now })
      .where('street_id', '=', listing.streetId)
      .where('listing_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    await audit(tx, ctx, { action: 'volunteers.boards.listing_closed', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: id, detail: { kind: listing.kind, from: listing.status } });
    return { id, status: 'closed' as const };
  });
}
