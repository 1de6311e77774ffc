import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { read } from '../devices.db.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';

/** The property company's to-do: residents' vehicles awaiting review in its compounds (the list its link opens counts the same). */
export async function visitorsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'reviewVehicles')) return {};
  const row = await read(ctx)
    .selectFrom('dev_vehicles as v')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'v.street_id').onRef('c.id', '=', 'v.place_id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.status', '=', 'pending')
    .where(placeFilter(ctx.actor, 'readVehicles', 'v.place_id', 'c.path'))
    .executeTakeFirstOrThrow();
  return { todos: [{ key: 'devicesVehiclesToReview', count: Number(row.n), link: '/devices/vehicles?status=pending' }] };
}
