import { findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { compoundsUnder } from '../../registry/index.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { read } from '../party.db.ts';
import { holdsAnywhere } from './stations-access.ts';

/** The compounds where the actor may set up a 红色驿站 (the form's choices), with the stations they have already. */
export async function listStationCompounds(ctx: Ctx): Promise<{ id: string; name: string; stations: number }[]> {
  if (!holdsAnywhere(ctx, 'stationsManage') || isSystem(ctx.actor)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const out = new Map<string, { id: string; name: string; path: string; stations: number }>();
  for (const g of ctx.actor.grants.filter((x) => (PARTY_ROLES.stationsManage as readonly string[]).includes(x.role))) {
    const place = await findPlace(db, g.placeId);
    if (!place?.street_id) continue;
    for (const c of await compoundsUnder(db, streetOf(place), g.placePath)) out.set(c.compoundId, { id: c.compoundId, name: c.name, path: c.path, stations: 0 });
  }
  if (!out.size) return [];
  const counts = await db
    .selectFrom('pty_stations')
    .select(['compound_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('compound_id', 'in', [...out.keys()])
    .groupBy('compound_id')
    .execute();
  for (const c of counts) out.get(c.compound_id)!.stations = Number(c.n);
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path)).map(({ path: _p, ...c }) => c);
}
