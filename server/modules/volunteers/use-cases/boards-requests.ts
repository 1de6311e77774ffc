import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import type { RequestBody } from '../volunteers.boards.schemas.ts';
import { type Tx, write } from '../volunteers.db.ts';
import { type ListingRow, neighbourListing } from './boards-access.ts';
import { refuseBannedWords } from './banned-words-check.ts';

/** Seats already promised on a carpool (the accepted requests'), read in the caller's transaction. */
export async function takenSeats(tx: Tx, listing: Pick<ListingRow, 'streetId' | 'id'>): Promise<number> {
  const row = await tx
    .selectFrom('vol_board_requests')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('seats'), eb.lit(0)).as('n'))
    .where('street_id', '=', listing.streetId)
    .where('listing_id', '=', listing.id)
    .where('status', '=', 'accepted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A carpool or second-hand listing still open to requests: not hidden, open, and (a carpool) not yet departed. */
export function refuseUnlessOpen(ctx: Ctx, listing: ListingRow): void {
  if (listing.kind !== 'carpool' && listing.kind !== 'secondhand') throw BoardsErrors.WRONG_KIND();
  if (listing.hiddenAt) throw BoardsErrors.LISTING_HIDDEN();
  if (listing.status !== 'open') throw BoardsErrors.LISTING_NOT_OPEN();
  if (listing.departsAt && listing.departsAt <= ctx.kernel.clock.now()) throw BoardsErrors.CARPOOL_DEPARTED();
}

/**
 * A neighbour of the same compound asks for a carpool's seats (as many as are left at most) or a second-hand item,
 * with a short message checked against the banned words. One request per person and listing; the owner is told.
 */
export async function requestListing(ctx: Ctx, id: string, body: RequestBody): Promise<{ id: string; status: 'pending' }> {
  return write(ctx, async (tx) => {
    const listing = await neighbourListing(tx, ctx, id, { forUpdate: true });
    refuseUnlessOpen(ctx, listing);
    const carpool = listing.kind === 'carpool';
    if (carpool !== (body.seats !== undefined)) throw CommonErrors.VALIDATION_FAILED();
    if (carpool) {
      const left = listing.seats! - (await takenSeats(tx, listing));
      if (body.seats! > left) throw BoardsErrors.SEATS_EXCEEDED({ left, wanted: body.seats! });
    }
    await refuseBannedWords(tx, listing.streetId, [body.message]);
    const existing = await tx
      .selectFrom('vol_board_requests')
      .select(['id', 'status'])
      .where('street_id', '=', listing.streetId)
      .where('listing_id', '=', id)
      .where('requester_person_id', '=', ctx.actor.personId!)
      .executeTakeFirst();
    // One request per neighbour and listing; one they withdrew may be made again.
    if (existing && existing.status !== 'withdrawn') throw BoardsErrors.REQUEST_EXISTS();
    const now = ctx.kernel.clock.now();
    const requestId = existing?.id ?? newId();
    const values = {
      requester_name: ctx.actor.name,
      requester_account_id: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      seats: carpool ? body.seats! : null,
      message: body.message,
      status: 'pending' as const,
      decided_at: null,
      updated_at: now,
    };
    if (existing) await tx.updateTable('vol_board_requests').set(values).where('street_id', '=', listing.streetId).where('id', '=', requestId).execute();
    else
      await tx
        .insertInto('vol_board_requests')
        .values({ street_id: listing.streetId, id: requestId, listing_id: id, kind: listing.kind as 'carpool' | 'secondhand', requester_person_id: ctx.actor.personId!, created_at: now, ...values })
        .execute();
    if (listing.ownerAccountId) {
      await notify(tx, ctx, { template: 'volunteers.boards.requested', placeId: listing.placeId, to: { accounts: [listing.ownerAccountId] }, data: { title: listing.title, id }, subject: { type: 'vol_listing', id } });
    }
    await audit(tx, ctx, { action: 'volunteers.boards.request_made', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: id, detail: { request: requestId, kind: listing.kind, seats: body.seats ?? null } });
    return { id: requestId, status: 'pending' as const };
  });
}

/**
 * The neighbour withdraws their own request (pending or accepted): an accepted carpool's seats are free again (a
 * full carpool reopens), a reserved item is open again.
 */
export async function withdrawRequest(ctx: Ctx, requestId: string): Promise<{ id: string; status: 'withdrawn' }> {
  return write(ctx, async (tx) => {
    const request = await tx.selectFrom('vol_board_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
    if (!request || request.requester_person_id !== ctx.actor.personId) throw BoardsErrors.REQUEST_NOT_FOUND();
    const listing = await neighbourListing(tx, ctx, request.listing_id, { forUpdate: true }).catch((e) => {
      // A hidden listing is still the neighbour's to step back from.
      if ((e as { code?: string }).code === 'LISTING_NOT_FOUND') return null;
      throw e;
    });
    if (request.status !== 'pending' && request.status !== 'accepted') throw BoardsErrors.REQUEST_NOT_PENDING();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_board_requests').set({ status: 'withdrawn', decided_at: now, updated_at: now }).where('street_id', '=', request.street_id).where('id', '=', requestId).execute();
    const placeId = listing?.placeId ?? (await tx.selectFrom('vol_listings').select('place_id').where('street_id', '=', request.street_id).where('id', '=', request.listing_id).executeTakeFirstOrThrow()).place_id;
    if (request.status === 'accepted') {
      await tx
        .updateTable('vol_listings')
        .set({ status: 'open', updated_at: now })
        .where('street_id', '=', request.street_id)
        .where('id', '=', request.listing_id)
        .where('status', 'in', ['full', 'reserved'])
        .execute();
    }
    await audit(tx, ctx, { action: 'volunteers.boards.request_withdrawn', placeId, subjectType: 'vol_listing', subjectId: request.listing_id, detail: { request: requestId, was: request.status } });
    return { id: requestId, status: 'withdrawn' as const };
  });
}
