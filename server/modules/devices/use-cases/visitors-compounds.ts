import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { read } from '../devices.db.ts';
import { allows, holdsAnywhere, placeFilter } from '../devices.policy.ts';
import { staffCompound } from './visitors-access.ts';

export interface VisitorsCompound {
  id: string;
  name: string;
  /** Whether the reader reviews vehicles and issues cards here (the property company), or only reads (the street). */
  canManage: boolean;
}
export interface CompoundRoom {
  id: string;
  label: string;
}

/** The compounds whose vehicles, cards and passes the reader sees (the workbench's compound picker). */
export async function visitorsCompounds(ctx: Ctx): Promise<VisitorsCompound[]> {
  if (!holdsAnywhere(ctx.actor, 'readVehicles')) throw CommonErrors.FORBIDDEN();
  const rows = await read(ctx)
    .selectFrom('street_places as c')
    .select(['c.id', 'c.name', 'c.path'])
    .where('c.kind', '=', 'compound')
    .where(placeFilter(ctx.actor, 'readVehicles', 'c.id', 'c.path'))
    .orderBy('c.name')
    .limit(500)
    .execute();
  return rows.map((c) => ({ id: c.id, name: c.name, canManage: allows(ctx.actor, 'reviewVehicles', c.path) }));
}

/** The rooms of a compound the reader manages (a card is issued to one), searched by building, unit or number. */
export async function compoundRooms(ctx: Ctx, placeId: string, q?: string): Promise<CompoundRoom[]> {
  const compound = await staffCompound(read(ctx), ctx, placeId, 'reviewVehicles');
  return read(ctx)
    .selectFrom('street_places as room')
    .select(['room.id', pathLabel('room.path', ['building', 'unit', 'room']).as('label')])
    .where('room.street_id', '=', compound.street_id)
    .where('room.kind', '=', 'room')
    .where('room.path', 'like', `${compound.path}%`)
    .$if(!!q, (s) => s.where(pathLabel('room.path', ['building', 'unit', 'room']), 'ilike', containing(q!)))
    .orderBy('room.path')
    .limit(50)
    .execute();
}
