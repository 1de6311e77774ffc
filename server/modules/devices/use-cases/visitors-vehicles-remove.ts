import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';
import { myVehicleRooms } from './visitors-access.ts';

/** A resident removes a vehicle of one of their rooms (as its owner or tenant): the plate is free again at the compound. */
export async function removeVehicle(ctx: Ctx, id: string): Promise<{ id: string; status: 'removed' }> {
  return write(ctx, async (tx) => {
    const rooms = (await myVehicleRooms(tx, ctx)).filter((r) => r.mayRegisterVehicles);
    const vehicle = rooms.length
      ? await tx.selectFrom('dev_vehicles').selectAll().where('id', '=', id).where('room_id', 'in', rooms.map((r) => r.roomId)).forUpdate().executeTakeFirst()
      : undefined;
    if (!vehicle) throw VisitorsErrors.VEHICLE_NOT_FOUND();
    if (vehicle.status === 'removed') throw VisitorsErrors.VEHICLE_REMOVED();
    await tx.updateTable('dev_vehicles').set({ status: 'removed' }).where('street_id', '=', vehicle.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'devices.visitors.vehicle_removed', placeId: vehicle.place_id, subjectType: 'dev_vehicle', subjectId: id, before: { plate: vehicle.plate, status: vehicle.status }, after: { status: 'removed' } });
    return { id, status: 'removed' as const };
  });
}
