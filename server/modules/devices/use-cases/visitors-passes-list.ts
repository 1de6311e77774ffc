import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../devices.db.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';
import type { PassState } from '../devices.visitors.constants.ts';
import type { PassesQuery } from '../devices.visitors.schemas.ts';
import { staffScope } from './visitors-access.ts';
import { passState } from './visitors-passes-state.ts';

export const PassesSort = sortable({ validFrom: 'p.valid_from', createdAt: 'p.created_at', visitor: 'p.visitor_name' }, { sort: 'validFrom', order: 'desc' }, 'p.id');

/** A row of the workbench's 访客通行证 (no code: staff never hold a visitor's pass; the phone masked). */
export interface PassListRow {
  id: string;
  placeId: string;
  compoundName: string;
  roomLabel: string;
  hostName: string;
  visitorName: string;
  visitorPhoneMasked: string;
  plate: string | null;
  purpose: string;
  validFrom: Date;
  validTo: Date;
  state: PassState;
  arrivedAt: Date | null;
  leftAt: Date | null;
}

/** The visitor passes of the compounds the reader may see: searched (visitor, host, plate), filtered by state, sorted, paged. */
export async function listPasses(ctx: Ctx, q: PassesQuery): Promise<Page<PassListRow>> {
  if (!holdsAnywhere(ctx.actor, 'readVehicles')) throw CommonErrors.FORBIDDEN();
  const scope = q.placeId ? await staffScope(read(ctx), ctx, q.placeId) : null;
  const now = ctx.kernel.clock.now();
  const base = read(ctx)
    .selectFrom('dev_passes as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.place_id'))
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'p.street_id').onRef('room.id', '=', 'p.room_id'))
    .where(placeFilter(ctx.actor, 'readVehicles', 'p.place_id', 'c.path'))
    .$if(!!scope, (s) => s.where('c.path', 'like', `${scope!.path}%`))
    .$if(!!q.state, (s) => s.where(passState(now), '=', q.state!))
    .$if(!!q.q, (s) => s.where((eb) => eb.or([eb('p.visitor_name', 'ilike', containing(q.q!)), eb('p.host_name', 'ilike', containing(q.q!)), eb('p.plate', 'like', containing(q.q!.toUpperCase()))])));
  const items = PassesSort.orderBy(
    base.select([
      'p.id',
      'p.place_id as placeId',
      'c.name as compoundName',
      pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'),
      'p.host_name as hostName',
      'p.visitor_name as visitorName',
      'p.visitor_phone_masked as visitorPhoneMasked',
      'p.plate',
      'p.purpose',
      'p.valid_from as validFrom',
      'p.valid_to as validTo',
      passState(now).as('state'),
      'p.arrived_at as arrivedAt',
      'p.left_at as leftAt',
    ]),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  return paginate(q, items, base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
}
