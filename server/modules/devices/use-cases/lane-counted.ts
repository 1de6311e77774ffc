import type { Tx } from '../devices.db.ts';
import { moveVehiclesInside } from './parking-car-park.ts';

/** A camera counter saw `count` vehicles go in or out of the compound's car park: vehicles inside ± count, never below zero. */
export async function laneCounted(tx: Tx, e: { streetId: string; placeId: string; deviceId: string; direction: 'in' | 'out'; count: number; at: Date }): Promise<void> {
  await moveVehiclesInside(tx, e.streetId, e.placeId, e.direction === 'in' ? e.count : -e.count, e.at);
}
