import type { Tx } from '../devices.db.ts';

/** PARKING PART (to be written): a camera counter saw `count` vehicles go in or out of the compound's car park. */
export async function laneCounted(_tx: Tx, _e: { streetId: string; placeId: string; deviceId: string; direction: 'in' | 'out'; count: number; at: Date }): Promise<void> {}
