import { audit, type Ctx } from '../../../kernel/context.ts';
import { type Executor, write } from '../devices.db.ts';
import { ParkingErrors } from '../devices.parking.errors.ts';
import type { UpdateSpaceBody } from '../devices.parking.schemas.ts';
import { checkRecord } from './parking-access.ts';
import { checkSpaceLinks } from './parking-spaces-add.ts';

/** A space with its compound's path, or undefined. */
export async function spaceById(db: Executor, id: string) {
  return db
    .selectFrom('dev_spaces as s')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 's.street_id').onRef('p.id', '=', 's.place_id'))
    .select(['s.street_id', 's.id', 's.place_id', 's.no', 's.kind', 's.room_id', 's.sensor_device_id', 's.occupied', 'p.path'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Edits a space's kind, room or sensor (manageParking over its compound). Audited with before and after. */
export async function updateSpace(ctx: Ctx, id: string, body: UpdateSpaceBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const space = await spaceById(tx, id);
    checkRecord(ctx, space?.path, 'manageParking', ParkingErrors.SPACE_NOT_FOUND);
    const s = space!;
    await checkSpaceLinks(tx, { id: s.place_id, path: s.path, street_id: s.street_id }, body.roomId, body.sensorDeviceId);
    const set = {
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
      ...(body.roomId !== undefined ? { room_id: body.roomId } : {}),
      ...(body.sensorDeviceId !== undefined ? { sensor_device_id: body.sensorDeviceId } : {}),
    };
    if (Object.keys(set).length) await tx.updateTable('dev_spaces').set(set).where('street_id', '=', s.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'devices.parking.space_updated',
      placeId: s.place_id,
      subjectType: 'dev_space',
      subjectId: id,
      before: { no: s.no, kind: s.kind, roomId: s.room_id, sensorDeviceId: s.sensor_device_id },
      after: { no: s.no, kind: body.kind ?? s.kind, roomId: body.roomId !== undefined ? body.roomId : s.room_id, sensorDeviceId: body.sensorDeviceId !== undefined ? body.sensorDeviceId : s.sensor_device_id },
    });
    return { id };
  });
}
