import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../devices.db.ts';
import type { MyPassesQuery } from '../devices.visitors.schemas.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';
import type { PassListRow } from './visitors-passes-list.ts';
import { passState } from './visitors-passes-state.ts';

/** A pass as its host sees it: what the workbench shows of it, and the QR code's text. */
export interface MyPass extends Omit<PassListRow, 'placeId' | 'hostName'> {
  code: string;
  createdAt: Date;
}

function mine(ctx: Ctx) {
  const now = ctx.kernel.clock.now();
  return read(ctx)
    .selectFrom('dev_passes as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.place_id'))
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'p.street_id').onRef('room.id', '=', 'p.room_id'))
    .select([
      'p.id',
      'p.code',
      'c.name as compoundName',
      pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'),
      'p.visitor_name as visitorName',
      'p.visitor_phone_masked as visitorPhoneMasked',
      'p.plate',
      'p.purpose',
      'p.valid_from as validFrom',
      'p.valid_to as validTo',
      passState(now).as('state'),
      'p.arrived_at as arrivedAt',
      'p.left_at as leftAt',
      'p.created_at as createdAt',
    ])
    .where('p.host_account_id', '=', ctx.actor.accountId ?? '00000000-0000-0000-0000-000000000000');
}

/** The acting resident's passes: upcoming first (soonest first), then the rest newest first; filtered by state, paged. */
export async function myPasses(ctx: Ctx, q: MyPassesQuery): Promise<Page<MyPass>> {
  const now = ctx.kernel.clock.now();
  const base = mine(ctx).$if(!!q.state, (s) => s.where(passState(now), '=', q.state!));
  const items = base
    .orderBy((eb) => eb.case().when(passState(now), '=', 'upcoming').then(0).else(1).end())
    .orderBy((eb) => eb.case().when(passState(now), '=', 'upcoming').then(eb.ref('p.valid_from')).end(), 'asc')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return paginate(q, items, count);
}

/** One of the acting resident's passes (another's is 404). */
export async function myPass(ctx: Ctx, id: string): Promise<MyPass> {
  const pass = await mine(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!pass) throw VisitorsErrors.PASS_NOT_FOUND();
  return pass;
}
