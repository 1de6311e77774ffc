import type { Tx } from '../devices.db.ts';
import type { GateEvent, Identification } from './device-event.ts';

/**
 * VISITORS PART (to be written): who is at the gate. A card or plate registered to a room of the compound (an
 * active card, an approved vehicle) is a resident; a QR pass (or a pass's plate) of this compound inside its
 * window is a visitor — on the first arrival the host is notified; a pass outside its window, cancelled or of
 * another compound is refused; anything else is unknown (marked, not refused).
 */
export async function identifyAtGate(_tx: Tx, _event: GateEvent): Promise<Identification> {
  return { result: 'unknown' };
}
