import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import { type Tx, write } from '../volunteers.db.ts';
import { allows } from '../volunteers.policy.ts';
import { type ListingRow, listingRows } from './boards-access.ts';

/** A listing a moderator acts on: 404 outside the actor's boardsRead places, 403 where they read but may not moderate. */
export async function moderatedListing(tx: Tx, ctx: Ctx, id: string): Promise<ListingRow> {
  const listing = (await listingRows(tx).where('l.id', '=', id).forUpdate('l').executeTakeFirst()) as ListingRow | undefined;
  if (!listing || !(allows(ctx.actor, 'boardsRead', listing.placePath) || allows(ctx.actor, 'boardsModerate', listing.placePath))) throw BoardsErrors.LISTING_NOT_FOUND();
  if (!allows(ctx.actor, 'boardsModerate', listing.placePath)) throw CommonErrors.FORBIDDEN();
  return listing;
}

/**
 * Hides a listing with a reason (required): residents no longer see it, in lists or by id; its owner sees it marked
 * with the reason and is told; moderators still see it. Its open reports are closed as 「hidden」. Audited.
 */
export async function hideListing(ctx: Ctx, id: string, reason: string): Promise<{ id: string; hidden: true; reportsClosed: number }> {
  return write(ctx, async (tx) => {
    const listing = await moderatedListing(tx, ctx, id);
    if (listing.hiddenAt) throw BoardsErrors.ALREADY_HIDDEN();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('vol_listings')
      .set({ hidden_at: now, hidden_by: ctx.actor.accountId, hidden_reason: reason, updated_at: now })
      .where('street_id', '=', listing.streetId)
      .where('id', '=', id)
      .execute();
    const closed = await tx
      .updateTable('vol_listing_reports')
      .set({ status: 'hidden', handled_by: ctx.actor.accountId, handled_at: now })
      .where('street_id', '=', listing.streetId)
      .where('listing_id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    const reportsClosed = Number(closed.numUpdatedRows);
    if (listing.ownerAccountId) {
      await notify(tx, ctx, { template: 'volunteers.boards.hidden', placeId: listing.placeId, to: { accounts: [listing.ownerAccountId] }, data: { title: listing.title, reason, id }, subject: { type: 'vol_listing', id } });
    }
    await audit(tx, ctx, { action: 'volunteers.boards.listing_hidden', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: id, detail: { reason, reportsClosed } });
    return { id, hidden: true as const, reportsClosed };
  });
}

/** Shows a hidden listing again (a hiding in error); the reports closed by the hiding stay closed. Audited. */
export async function unhideListing(ctx: Ctx, id: string): Promise<{ id: string; hidden: false }> {
  return write(ctx, async (tx) => {
    const listing = await moderatedListing(tx, ctx, id);
    if (!listing.hiddenAt) throw BoardsErrors.NOT_HIDDEN();
    await tx
      .updateTable('vol_listings')
      .set({ hidden_at: null, hidden_by: null, hidden_reason: null, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', listing.streetId)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, { action: 'volunteers.boards.listing_unhidden', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: id, detail: { reason: listing.hiddenReason } });
    return { id, hidden: false as const };
  });
}
