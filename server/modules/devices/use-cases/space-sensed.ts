import type { Tx } from '../devices.db.ts';

/**
 * A space's sensor says it is taken or free (in the ingest's transaction): the space (street, compound, number)
 * takes the state and, when it turns taken, the time since. Idempotent: the same state twice changes nothing (its
 * `occupied_since` stays the first report's). `false`: no such space at the compound (the ingest answers 400).
 */
export async function spaceSensed(tx: Tx, e: { streetId: string; placeId: string; deviceId: string; spaceNo: string; occupied: boolean; at: Date }): Promise<boolean> {
  const space = await tx
    .selectFrom('dev_spaces')
    .select(['id', 'occupied'])
    .where('street_id', '=', e.streetId)
    .where('place_id', '=', e.placeId)
    .where('no', '=', e.spaceNo)
    .executeTakeFirst();
  if (!space) return false;
  if (space.occupied === e.occupied) return true;
  await tx
    .updateTable('dev_spaces')
    .set({ occupied: e.occupied, occupied_since: e.occupied ? e.at : null })
    .where('street_id', '=', e.streetId)
    .where('id', '=', space.id)
    .execute();
  return true;
}
