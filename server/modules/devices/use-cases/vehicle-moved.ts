import type { Tx } from '../devices.db.ts';
import type { GateEvent, Identification } from './device-event.ts';

/**
 * PARKING PART (to be written): a vehicle went through a barrier: the car park's count moves (never below zero);
 * a visitor's or unknown vehicle opens a temporary parking session on the way in and closes it, with its fee, on
 * the way out.
 */
export async function vehicleMoved(_tx: Tx, _event: GateEvent, _who: Identification): Promise<void> {}
