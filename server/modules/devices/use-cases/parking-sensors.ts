import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../devices.db.ts';
import { compoundFor } from './parking-access.ts';

/** A parking sensor of a compound, for the space form's drop-down (which space it reports). */
export interface SensorOption {
  id: string;
  name: string;
  location: string;
  /** The space it reports already, if any. */
  spaceNo: string | null;
}

/** The parking sensors of a compound (readParking over it), with the space each reports. */
export async function parkingSensors(ctx: Ctx, placeId: string): Promise<{ items: SensorOption[] }> {
  const place = await compoundFor(read(ctx), ctx, placeId, 'readParking');
  const items = await read(ctx)
    .selectFrom('dev_devices as d')
    .leftJoin('dev_spaces as s', (j) => j.onRef('s.street_id', '=', 'd.street_id').onRef('s.sensor_device_id', '=', 'd.id'))
    .select(['d.id', 'd.name', 'd.location', 's.no as spaceNo'])
    .where('d.street_id', '=', place.street_id)
    .where('d.place_id', '=', place.id)
    .where('d.kind', '=', 'parking_sensor')
    .orderBy('d.name')
    .orderBy('d.id')
    .limit(2000)
    .execute();
  return { items };
}
