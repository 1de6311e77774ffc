import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import { type Tx, write } from '../volunteers.db.ts';
import { type ListingRow, ownListing } from './boards-access.ts';
import { refuseUnlessOpen, takenSeats } from './boards-requests.ts';

async function requestOfOwner(tx: Tx, ctx: Ctx, requestId: string) {
  const request = await tx.selectFrom('vol_board_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!request) throw BoardsErrors.REQUEST_NOT_FOUND();
  // The listing row is locked first: two accepts on one carpool run one after the other, so seats are never oversold.
  const listing = await ownListing(tx, ctx, request.listing_id, { forUpdate: true }).catch((e) => {
    throw (e as { code?: string }).code === 'NOT_YOUR_LISTING' ? BoardsErrors.REQUEST_NOT_FOUND() : e;
  });
  return { request, listing };
}

/**
 * The owner agrees: on a carpool, the request's seats are taken (at most the seats left; the carpool is full when
 * none are); on a second-hand item, it is reserved for this neighbour. From then on both see each other's contact.
 */
export async function acceptRequest(ctx: Ctx, requestId: string): Promise<{ id: string; status: 'accepted'; listingStatus: ListingRow['status'] }> {
  return write(ctx, async (tx) => {
    const { request, listing } = await requestOfOwner(tx, ctx, requestId);
    if (request.status !== 'pending') throw BoardsErrors.REQUEST_NOT_PENDING();
    refuseUnlessOpen(ctx, listing);
    let listingStatus: ListingRow['status'];
    if (listing.kind === 'carpool') {
      const left = listing.seats! - (await takenSeats(tx, listing));
      if (request.seats! > left) throw BoardsErrors.SEATS_EXCEEDED({ left, wanted: request.seats! });
      listingStatus = request.seats === left ? 'full' : 'open';
    } else {
      listingStatus = 'reserved';
    }
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_board_requests').set({ status: 'accepted', decided_at: now, updated_at: now }).where('street_id', '=', request.street_id).where('id', '=', requestId).execute();
    if (listingStatus !== listing.status) await tx.updateTable('vol_listings').set({ status: listingStatus, updated_at: now }).where('street_id', '=', listing.streetId).where('id', '=', listing.id).execute();
    if (request.requester_account_id) {
      await notify(tx, ctx, { template: 'volunteers.boards.accepted', placeId: listing.placeId, to: { accounts: [request.requester_account_id] }, data: { title: listing.title, id: listing.id }, subject: { type: 'vol_listing', id: listing.id } });
    }
    await audit(tx, ctx, { action: 'volunteers.boards.request_accepted', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: listing.id, detail: { request: requestId, kind: listing.kind, seats: request.seats, listingStatus } });
    return { id: requestId, status: 'accepted' as const, listingStatus };
  });
}

/**
 * The owner declines a pending request, or takes back an acceptance (a second-hand reservation falls through, a
 * carpool seat frees up): the listing is open again.
 */
export async function declineRequest(ctx: Ctx, requestId: string): Promise<{ id: string; status: 'declined' }> {
  return write(ctx, async (tx) => {
    const { request, listing } = await requestOfOwner(tx, ctx, requestId);
    if (request.status !== 'pending' && !(request.status === 'accepted' && (listing.status === 'reserved' || listing.status === 'full' || listing.status === 'open'))) {
      throw BoardsErrors.REQUEST_NOT_PENDING();
    }
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_board_requests').set({ status: 'declined', decided_at: now, updated_at: now }).where('street_id', '=', request.street_id).where('id', '=', requestId).execute();
    if (request.status === 'accepted' && (listing.status === 'reserved' || listing.status === 'full')) {
      await tx.updateTable('vol_listings').set({ status: 'open', updated_at: now }).where('street_id', '=', listing.streetId).where('id', '=', listing.id).execute();
    }
    await audit(tx, ctx, { action: 'volunteers.boards.request_declined', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: listing.id, detail: { request: requestId, was: request.status } });
    return { id: requestId, status: 'declined' as const };
  });
}
