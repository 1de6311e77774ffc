import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../devices.db.ts';
import type { GateEvent, Identification } from './device-event.ts';
import { ensureCarPark, moveVehiclesInside } from './parking-car-park.ts';
import { parkingFee } from './parking-fee.ts';

/**
 * A vehicle went through a barrier (in the ingest's transaction): the car park's count moves by one (never below
 * zero). A visitor's or an unknown vehicle opens a temporary parking session on the way in (unless one is open for
 * its plate already); any vehicle's way out closes the open session of its plate, with its fee by the car park's
 * tariff (parking-fee.ts): 0 → 'free', else 'due' (kept on the session: handed to the fees module when it has a
 * public face for ad-hoc charges). A resident's vehicle opens no session.
 */
export async function vehicleMoved(tx: Tx, event: GateEvent, who: Identification): Promise<void> {
  const { streetId, placeId, at } = event;
  await moveVehiclesInside(tx, streetId, placeId, event.direction === 'in' ? 1 : -1, at);
  const plate = event.plate ?? (event.credential === 'plate' ? event.value : undefined);
  if (!plate) return;
  const open = await tx
    .selectFrom('dev_parking_sessions')
    .select(['id', 'entered_at'])
    .where('street_id', '=', streetId)
    .where('place_id', '=', placeId)
    .where('plate', '=', plate)
    .where('exited_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (event.direction === 'in') {
    if (open || (who.result !== 'visitor' && who.result !== 'unknown')) return;
    await tx
      .insertInto('dev_parking_sessions')
      .values({ street_id: streetId, id: newId(), place_id: placeId, plate, pass_id: who.passId ?? null, entered_at: at, exited_at: null, fee_fen: null, overstay_alerted_at: null })
      .execute();
    return;
  }
  if (!open) return;
  const park = await ensureCarPark(tx, streetId, placeId, at);
  const exitedAt = at < open.entered_at ? open.entered_at : at;
  const { feeFen } = parkingFee(open.entered_at, exitedAt, { freeMinutes: park.free_minutes, hourlyFen: park.hourly_fen, dailyCapFen: park.daily_cap_fen });
  await tx
    .updateTable('dev_parking_sessions')
    .set({ exited_at: exitedAt, fee_fen: feeFen, fee_status: feeFen === 0 ? 'free' : 'due' })
    .where('street_id', '=', streetId)
    .where('id', '=', open.id)
    .execute();
}
