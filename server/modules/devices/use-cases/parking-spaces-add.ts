import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Tx, write } from '../devices.db.ts';
import { SPACE_BATCH_MAX } from '../devices.parking.constants.ts';
import { ParkingErrors } from '../devices.parking.errors.ts';
import type { AddSpacesBody } from '../devices.parking.schemas.ts';
import { compoundFor } from './parking-access.ts';

/**
 * The numbers of a batch "B1-001".."B1-050": one prefix, the trailing numbers counted up, zero-padded to the first's
 * width. Null when the two do not make a range (different prefixes, no trailing digits, backwards, over the limit).
 */
export function spaceRange(from: string, to: string): string[] | null {
  const a = /^(.*?)(\d+)$/.exec(from);
  const b = /^(.*?)(\d+)$/.exec(to);
  if (!a || !b || a[1] !== b[1]) return null;
  const start = Number(a[2]);
  const end = Number(b[2]);
  if (end < start || end - start + 1 > SPACE_BATCH_MAX) return null;
  const width = a[2]!.length;
  const out: string[] = [];
  for (let n = start; n <= end; n++) {
    const no = `${a[1]}${String(n).padStart(width, '0')}`;
    if (no.length > 20) return null;
    out.push(no);
  }
  return out;
}

/** A room must lie in the compound; a sensor must be a parking sensor of the compound. */
export async function checkSpaceLinks(tx: Tx, place: { id: string; path: string; street_id: string }, roomId: string | null | undefined, sensorDeviceId: string | null | undefined) {
  if (roomId) {
    const room = await findPlace(tx, roomId);
    if (!room || room.kind !== 'room' || !room.path.startsWith(place.path)) throw ParkingErrors.ROOM_NOT_IN_COMPOUND();
  }
  if (sensorDeviceId) {
    const sensor = await tx
      .selectFrom('dev_devices')
      .select('id')
      .where('street_id', '=', place.street_id)
      .where('id', '=', sensorDeviceId)
      .where('place_id', '=', place.id)
      .where('kind', '=', 'parking_sensor')
      .executeTakeFirst();
    if (!sensor) throw ParkingErrors.SENSOR_NOT_IN_COMPOUND();
  }
}

/** Adds a space, or a batch of them, at a compound (manageParking over it). A number taken already refuses the whole batch. Audited once. */
export async function addSpaces(ctx: Ctx, body: AddSpacesBody): Promise<{ ids: string[] }> {
  const nos = body.to ? spaceRange(body.no, body.to) : [body.no];
  if (!nos) throw ParkingErrors.SPACE_RANGE_INVALID({ max: SPACE_BATCH_MAX });
  return write(ctx, async (tx) => {
    const place = await compoundFor(tx, ctx, body.placeId, 'manageParking');
    await checkSpaceLinks(tx, place, body.roomId, body.sensorDeviceId);
    const taken = await tx.selectFrom('dev_spaces').select('no').where('street_id', '=', place.street_id).where('place_id', '=', place.id).where('no', 'in', nos).executeTakeFirst();
    if (taken) throw ParkingErrors.SPACE_EXISTS({ no: taken.no });
    const now = ctx.kernel.clock.now();
    const rows = nos.map((no) => ({
      street_id: place.street_id,
      id: newId(),
      place_id: place.id,
      no,
      kind: body.kind,
      room_id: body.roomId ?? null,
      sensor_device_id: body.sensorDeviceId ?? null,
      occupied_since: null,
      created_at: now,
    }));
    await tx.insertInto('dev_spaces').values(rows).execute();
    await audit(tx, ctx, {
      action: 'devices.parking.space_added',
      placeId: place.id,
      subjectType: 'dev_space',
      subjectId: rows[0]!.id,
      after: { nos: nos.length > 1 ? `${nos[0]}..${nos.at(-1)}` : nos[0], count: nos.length, kind: body.kind, roomId: body.roomId ?? null, sensorDeviceId: body.sensorDeviceId ?? null },
    });
    return { ids: rows.map((r) => r.id) };
  });
}
