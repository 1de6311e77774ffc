import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../devices.db.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';
import type { CardStatus } from '../devices.tables.ts';
import type { CardsQuery } from '../devices.visitors.schemas.ts';
import { staffScope } from './visitors-access.ts';

export const CardsSort = sortable({ createdAt: 'k.created_at', cardNo: 'k.card_no', room: 'room.path' }, { sort: 'createdAt', order: 'desc' }, 'k.id');

export interface CardListRow {
  id: string;
  placeId: string;
  compoundName: string;
  roomId: string;
  roomLabel: string;
  cardNo: string;
  holderName: string;
  status: CardStatus;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The access cards of the compounds the reader may see (issued by the property company): searched (card, holder, room), filtered, sorted, paged. */
export async function listCards(ctx: Ctx, q: CardsQuery): Promise<Page<CardListRow>> {
  if (!holdsAnywhere(ctx.actor, 'readVehicles')) throw CommonErrors.FORBIDDEN();
  const scope = q.placeId ? await staffScope(read(ctx), ctx, q.placeId) : null;
  const base = read(ctx)
    .selectFrom('dev_cards as k')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'k.street_id').onRef('c.id', '=', 'k.place_id'))
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'k.street_id').onRef('room.id', '=', 'k.room_id'))
    .where(placeFilter(ctx.actor, 'readVehicles', 'k.place_id', 'c.path'))
    .$if(!!scope, (s) => s.where('c.path', 'like', `${scope!.path}%`))
    .$if(!!q.status, (s) => s.where('k.status', '=', q.status!))
    .$if(!!q.q, (s) => s.where((eb) => eb.or([eb('k.card_no', 'like', containing(q.q!.toUpperCase())), eb('k.holder_name', 'ilike', containing(q.q!)), eb('room.name', 'ilike', containing(q.q!))])));
  const items = CardsSort.orderBy(
    base.select([
      'k.id',
      'k.place_id as placeId',
      'c.name as compoundName',
      'k.room_id as roomId',
      pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'),
      'k.card_no as cardNo',
      'k.holder_name as holderName',
      'k.status',
      'k.created_at as createdAt',
      'k.revoked_at as revokedAt',
    ]),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  return paginate(q, items, base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
}
