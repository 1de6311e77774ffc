import { sql } from 'kysely';
import type { Tx } from '../devices.db.ts';

/**
 * Moves a compound's count of vehicles inside by `delta`, never below zero; the car park's row is created on first
 * need with the default tariff (an upsert: two barriers at once both count).
 */
export async function moveVehiclesInside(tx: Tx, streetId: string, placeId: string, delta: number, at: Date): Promise<void> {
  await sql`
    insert into dev_car_parks (street_id, place_id, vehicles_inside, updated_at)
    values (${streetId}, ${placeId}, greatest(0, ${delta}::int), ${at})
    on conflict (street_id, place_id) do update
      set vehicles_inside = greatest(0, dev_car_parks.vehicles_inside + ${delta}::int), updated_at = excluded.updated_at`.execute(tx);
}

/** The car park of a compound, created with the defaults if missing. */
export async function ensureCarPark(tx: Tx, streetId: string, placeId: string, at: Date) {
  await tx.insertInto('dev_car_parks').values({ street_id: streetId, place_id: placeId, updated_at: at }).onConflict((oc) => oc.doNothing()).execute();
  return tx.selectFrom('dev_car_parks').selectAll().where('street_id', '=', streetId).where('place_id', '=', placeId).executeTakeFirstOrThrow();
}
