import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../devices.db.ts';
import type { VehicleBody } from '../devices.visitors.schemas.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';
import { myRoom, ownsOrRents } from './visitors-access.ts';

/** A unique-index violation (a plate or card taken meanwhile): the caller's clear 409, never a 5xx. */
export const isUniqueViolation = (e: unknown, index: string) => (e as { code?: string; constraint?: string })?.code === '23505' && (e as { constraint?: string }).constraint === index;

/**
 * A resident registers a vehicle to one of their rooms (as its owner or tenant): pending until the property
 * company reviews it. A plate is registered once per compound while pending or approved (409 PLATE_TAKEN).
 */
export async function addVehicle(ctx: Ctx, body: VehicleBody): Promise<{ id: string; status: 'pending' }> {
  return write(ctx, async (tx) => {
    const room = await myRoom(tx, ctx, body.roomId);
    if (!(await ownsOrRents(tx, ctx, room.roomId))) throw VisitorsErrors.NOT_OWNER_OR_TENANT();
    const taken = await tx
      .selectFrom('dev_vehicles')
      .select('id')
      .where('street_id', '=', room.streetId)
      .where('place_id', '=', room.compoundId)
      .where('plate', '=', body.plate)
      .where('status', 'in', ['pending', 'approved'])
      .executeTakeFirst();
    if (taken) throw VisitorsErrors.PLATE_TAKEN();
    const id = newId();
    try {
      await tx
        .insertInto('dev_vehicles')
        .values({
          street_id: room.streetId,
          id,
          place_id: room.compoundId,
          room_id: room.roomId,
          plate: body.plate,
          kind: body.kind,
          note: body.note,
          added_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
          added_by_name: ctx.actor.name,
          reviewed_by: null,
          reviewed_at: null,
          created_at: ctx.kernel.clock.now(),
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e, 'dev_vehicles_plate')) throw VisitorsErrors.PLATE_TAKEN();
      throw e;
    }
    await audit(tx, ctx, { action: 'devices.visitors.vehicle_added', placeId: room.compoundId, subjectType: 'dev_vehicle', subjectId: id, after: { plate: body.plate, kind: body.kind, roomId: room.roomId, status: 'pending' } });
    return { id, status: 'pending' as const };
  });
}
