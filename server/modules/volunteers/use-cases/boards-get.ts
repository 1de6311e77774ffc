import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { personContact } from '../../registry/index.ts';
import { read, type Executor } from '../volunteers.db.ts';
import { allows } from '../volunteers.policy.ts';
import type { BoardRequestStatus, ListingKind, ListingStatus } from '../volunteers.tables.ts';
import { type ListingRow, type ListingViewer, visibleListing } from './boards-access.ts';
import { photoIdsOf } from './photos.ts';

/** A person's name and full phone: shown to the two sides of an agreed carpool or reservation, to no one else. */
export interface Contact {
  name: string;
  phone: string | null;
}

export interface RequestView {
  id: string;
  /** Masked (王**) until the owner accepts; then in full. */
  requesterName: string;
  seats: number | null;
  message: string;
  status: BoardRequestStatus;
  createdAt: Date;
  /** Only once accepted, and only on the owner's view. */
  contact: Contact | null;
}

export interface ReportView {
  id: string;
  reason: string;
  status: 'open' | 'hidden' | 'dismissed';
  createdAt: Date;
}

export interface ListingView {
  id: string;
  kind: ListingKind;
  compoundId: string;
  compoundName: string;
  title: string;
  body: string;
  ownerName: string;
  viewer: ListingViewer;
  carpoolRole: 'offer' | 'seek' | null;
  routeFrom: string | null;
  routeTo: string | null;
  departsAt: Date | null;
  seats: number | null;
  seatsLeft: number | null;
  author: string | null;
  loanDays: number | null;
  status: ListingStatus;
  hidden: boolean;
  /** The moderator's reason: for the owner and staff only. */
  hiddenReason: string | null;
  hiddenAt: Date | null;
  createdAt: Date;
  photoIds: string[];
  /** The owner's view: every request. Staff: every request, names masked, no contacts. */
  requests: RequestView[];
  /** A neighbour's own request, if any. */
  myRequest: RequestView | null;
  /** A neighbour whose request the owner accepted: the owner's contact. */
  ownerContact: Contact | null;
  reportedByMe: boolean;
  /** Staff: the residents' reports. */
  reports: ReportView[];
  canModerate: boolean;
}

async function contactOf(db: Executor, ctx: Ctx, personId: string): Promise<Contact | null> {
  const c = await personContact(db, personId);
  if (!c) return null;
  return { name: c.name, phone: c.phoneEnc ? ctx.kernel.pii.decrypt(c.phoneEnc) : null };
}

/**
 * A listing's page. Contacts (both phones, unmasked) appear only once both sides agree — the neighbour asked and the
 * owner accepted — and only to those two: the owner sees each accepted requester's, the accepted requester sees the
 * owner's; a pending, declined or third party sees none. Staff see the reports and the hiding, never the phones.
 */
export async function getListing(ctx: Ctx, id: string): Promise<ListingView> {
  const db = read(ctx);
  const { listing, viewer } = await visibleListing(db, ctx, id);
  const me = ctx.actor.personId;
  const requests = await db
    .selectFrom('vol_board_requests')
    .select(['id', 'requester_person_id as personId', 'requester_name as name', 'seats', 'message', 'status', 'created_at as createdAt'])
    .where('street_id', '=', listing.streetId)
    .where('listing_id', '=', listing.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const taken = requests.filter((r) => r.status === 'accepted').reduce((n, r) => n + (r.seats ?? 0), 0);
  const view = async (r: (typeof requests)[number], withContact: boolean): Promise<RequestView> => ({
    id: r.id,
    requesterName: withContact && r.status === 'accepted' ? r.name : maskName(r.name),
    seats: r.seats,
    message: r.message,
    status: r.status,
    createdAt: r.createdAt,
    contact: withContact && r.status === 'accepted' ? await contactOf(db, ctx, r.personId) : null,
  });
  const mineRow = viewer === 'resident' ? requests.find((r) => r.personId === me) : undefined;
  const reportedByMe =
    viewer === 'resident' && me
      ? !!(await db.selectFrom('vol_listing_reports').select('id').where('street_id', '=', listing.streetId).where('listing_id', '=', listing.id).where('reporter_person_id', '=', me).executeTakeFirst())
      : false;
  const reports =
    viewer === 'staff'
      ? await db
          .selectFrom('vol_listing_reports')
          .select(['id', 'reason', 'status', 'created_at as createdAt'])
          .where('street_id', '=', listing.streetId)
          .where('listing_id', '=', listing.id)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute()
      : [];
  return {
    ...present(listing, viewer),
    seatsLeft: listing.seats === null ? null : Math.max(0, listing.seats - taken),
    photoIds: (await photoIdsOf(db, listing.streetId, 'listing', [listing.id])).get(listing.id) ?? [],
    requests: viewer === 'owner' ? await Promise.all(requests.map((r) => view(r, true))) : viewer === 'staff' ? await Promise.all(requests.map((r) => view(r, false))) : [],
    myRequest: mineRow ? await view(mineRow, false) : null,
    ownerContact: mineRow?.status === 'accepted' ? await contactOf(db, ctx, listing.ownerPersonId) : null,
    reportedByMe,
    reports,
    canModerate: viewer === 'staff' && allows(ctx.actor, 'boardsModerate', listing.placePath),
  };
}

function present(l: ListingRow, viewer: ListingViewer) {
  return {
    id: l.id,
    kind: l.kind,
    compoundId: l.placeId,
    compoundName: l.compoundName,
    title: l.title,
    body: l.body,
    ownerName: viewer === 'resident' ? maskName(l.ownerName) : l.ownerName,
    viewer,
    carpoolRole: l.carpoolRole,
    routeFrom: l.routeFrom,
    routeTo: l.routeTo,
    departsAt: l.departsAt,
    seats: l.seats,
    author: l.author,
    loanDays: l.loanDays,
    status: l.status,
    hidden: l.hiddenAt !== null,
    hiddenReason: viewer === 'resident' ? null : l.hiddenReason,
    hiddenAt: viewer === 'resident' ? null : l.hiddenAt,
    createdAt: l.createdAt,
  };
}
