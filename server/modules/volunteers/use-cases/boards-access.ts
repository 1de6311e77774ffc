import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import type { Executor } from '../volunteers.db.ts';
import { allows } from '../volunteers.policy.ts';
import type { ListingKind, ListingStatus } from '../volunteers.tables.ts';
import { compoundsOfResident } from './resident-compounds.ts';

/** A listing with its compound's name and path, as the boards part's use cases read it. */
export interface ListingRow {
  id: string;
  streetId: string;
  placeId: string;
  placePath: string;
  compoundName: string;
  kind: ListingKind;
  title: string;
  body: string;
  ownerPersonId: string;
  ownerName: string;
  ownerAccountId: string | null;
  carpoolRole: 'offer' | 'seek' | null;
  routeFrom: string | null;
  routeTo: string | null;
  departsAt: Date | null;
  seats: number | null;
  author: string | null;
  loanDays: number | null;
  status: ListingStatus;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
}

/** Seats taken on a carpool: the accepted requests' seats. */
export const seatsTaken = sql<number>`(select coalesce(sum(r.seats), 0)::int from vol_board_requests r where r.street_id = l.street_id and r.listing_id = l.id and r.status = 'accepted')`;

/** Listings with their compound (the caller filters and checks). */
export function listingRows(db: Executor) {
  return db
    .selectFrom('vol_listings as l')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'l.street_id').onRef('p.id', '=', 'l.place_id'))
    .select([
      'l.id',
      'l.street_id as streetId',
      'l.place_id as placeId',
      'p.path as placePath',
      'p.name as compoundName',
      'l.kind',
      'l.title',
      'l.body',
      'l.owner_person_id as ownerPersonId',
      'l.owner_name as ownerName',
      'l.owner_account_id as ownerAccountId',
      'l.carpool_role as carpoolRole',
      'l.route_from as routeFrom',
      'l.route_to as routeTo',
      'l.departs_at as departsAt',
      'l.seats',
      'l.author',
      'l.loan_days as loanDays',
      'l.status',
      'l.hidden_at as hiddenAt',
      'l.hidden_reason as hiddenReason',
      'l.created_at as createdAt',
    ]);
}

export type ListingViewer = 'owner' | 'resident' | 'staff';

/**
 * A listing as the actor may see it: its owner always (hidden or not); a resident of its compound while it is not
 * hidden; staff who read the boards at its place. Anyone else — a resident of another compound, anyone at all for a
 * hidden listing that is not theirs — gets LISTING_NOT_FOUND, so ids cannot be probed.
 */
export async function visibleListing(db: Executor, ctx: Ctx, id: string, { forUpdate = false } = {}): Promise<{ listing: ListingRow; viewer: ListingViewer }> {
  const listing = (await listingRows(db)
    .where('l.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate('l'))
    .executeTakeFirst()) as ListingRow | undefined;
  if (!listing) throw BoardsErrors.LISTING_NOT_FOUND();
  if (ctx.actor.personId && listing.ownerPersonId === ctx.actor.personId) return { listing, viewer: 'owner' };
  if (!listing.hiddenAt && ctx.actor.personId && (await compoundsOfResident(db, ctx)).some((c) => c.compoundId === listing.placeId)) return { listing, viewer: 'resident' };
  if (allows(ctx.actor, 'boardsRead', listing.placePath)) return { listing, viewer: 'staff' };
  throw BoardsErrors.LISTING_NOT_FOUND();
}

/** A listing the acting resident may act on as a neighbour (ask for it, report it): visible, and not their own. */
export async function neighbourListing(db: Executor, ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}): Promise<ListingRow> {
  const { listing, viewer } = await visibleListing(db, ctx, id, opts);
  if (viewer === 'owner') throw BoardsErrors.OWN_LISTING();
  if (viewer !== 'resident') throw BoardsErrors.LISTING_NOT_FOUND();
  return listing;
}

/** The acting resident's own listing (close it, decide on requests, mark it given); others' listings: 404 or 403. */
export async function ownListing(db: Executor, ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}): Promise<ListingRow> {
  const { listing, viewer } = await visibleListing(db, ctx, id, opts);
  if (viewer !== 'owner') throw BoardsErrors.NOT_YOUR_LISTING();
  return listing;
}
