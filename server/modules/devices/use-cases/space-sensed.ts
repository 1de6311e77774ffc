import type { Tx } from '../devices.db.ts';

/** PARKING PART (to be written): a space's sensor says it is taken or free. `false`: no such space at the compound. */
export async function spaceSensed(_tx: Tx, _e: { streetId: string; placeId: string; deviceId: string; spaceNo: string; occupied: boolean; at: Date }): Promise<boolean> {
  return true;
}
