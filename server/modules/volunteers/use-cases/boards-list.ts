import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import type { BoardQuery } from '../volunteers.boards.schemas.ts';
import { read } from '../volunteers.db.ts';
import type { ListingKind, ListingStatus } from '../volunteers.tables.ts';
import { seatsTaken } from './boards-access.ts';
import { photoIdsOf } from './photos.ts';
import { compoundsOfResident, residentCompound } from './resident-compounds.ts';

export interface BoardRow {
  id: string;
  kind: ListingKind;
  title: string;
  body: string;
  /** The poster as a neighbour sees them (王**), or in full when it is the reader's own. */
  ownerName: string;
  mine: boolean;
  carpoolRole: 'offer' | 'seek' | null;
  routeFrom: string | null;
  routeTo: string | null;
  departsAt: Date | null;
  seats: number | null;
  seatsLeft: number | null;
  author: string | null;
  loanDays: number | null;
  status: ListingStatus;
  /** Only on the reader's own listing: hidden by a moderator, and why. */
  hidden: boolean;
  hiddenReason: string | null;
  createdAt: Date;
  photoIds: string[];
}

/**
 * A compound's board for a resident who lives there: newest first, one kind, searched in the title, text, route and
 * author. Neighbours' listings show while they are not hidden, not closed or given away, and (a carpool) not yet
 * departed; the reader's own listings show whatever their state, a hidden one marked with the moderator's reason.
 * `mine` keeps only the reader's own.
 */
export async function listBoard(ctx: Ctx, q: BoardQuery): Promise<Page<BoardRow>> {
  const db = read(ctx);
  const compound = await residentCompound(db, ctx, q.compoundId);
  const me = ctx.actor.personId!;
  const now = ctx.kernel.clock.now();
  const base = () =>
    db
      .selectFrom('vol_listings as l')
      .where('l.street_id', '=', compound.streetId)
      .where('l.place_id', '=', compound.compoundId)
      .$if(!!q.kind, (s) => s.where('l.kind', '=', q.kind!))
      .$if(!!q.mine, (s) => s.where('l.owner_person_id', '=', me))
      .where((eb) =>
        eb.or([
          eb('l.owner_person_id', '=', me),
          eb.and([
            eb('l.hidden_at', 'is', null),
            eb('l.status', 'not in', ['closed', 'given']),
            eb.or([eb('l.departs_at', 'is', null), eb('l.departs_at', '>', now)]),
          ]),
        ]),
      )
      .$if(!!q.q, (s) => {
        const like = containing(q.q!);
        return s.where((eb) => eb.or([eb('l.title', 'ilike', like), eb('l.body', 'ilike', like), eb('l.route_from', 'ilike', like), eb('l.route_to', 'ilike', like), eb('l.author', 'ilike', like)]));
      });
  const items = base()
    .select([
      'l.id',
      'l.kind',
      'l.title',
      'l.body',
      'l.owner_name as ownerName',
      'l.owner_person_id as ownerPersonId',
      'l.carpool_role as carpoolRole',
      'l.route_from as routeFrom',
      'l.route_to as routeTo',
      'l.departs_at as departsAt',
      'l.seats',
      seatsTaken.as('taken'),
      'l.author',
      'l.loan_days as loanDays',
      'l.status',
      'l.hidden_at as hiddenAt',
      'l.hidden_reason as hiddenReason',
      'l.created_at as createdAt',
    ])
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const photos = await photoIdsOf(db, compound.streetId, 'listing', page.items.map((r) => r.id));
  return {
    ...page,
    items: page.items.map((r) => {
      const mine = r.ownerPersonId === me;
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        ownerName: mine ? r.ownerName : maskName(r.ownerName),
        mine,
        carpoolRole: r.carpoolRole,
        routeFrom: r.routeFrom,
        routeTo: r.routeTo,
        departsAt: r.departsAt,
        seats: r.seats,
        seatsLeft: r.seats === null ? null : Math.max(0, r.seats - Number(r.taken)),
        author: r.author,
        loanDays: r.loanDays,
        status: r.status,
        hidden: mine && r.hiddenAt !== null,
        hiddenReason: mine ? r.hiddenReason : null,
        createdAt: r.createdAt,
        photoIds: photos.get(r.id) ?? [],
      };
    }),
  };
}

/** The compounds whose boards the acting resident may read and post on (the ones they live in now). */
export async function myBoardCompounds(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return (await compoundsOfResident(read(ctx), ctx)).map((c) => ({ id: c.compoundId, name: c.compoundName }));
}
