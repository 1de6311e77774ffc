import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import type { TariffBody } from '../devices.parking.schemas.ts';
import { compoundFor } from './parking-access.ts';
import { ensureCarPark } from './parking-car-park.ts';

/** Sets the tariff of a compound's temporary parking (manageParking over it); the car park is created if missing. Audited. */
export async function setTariff(ctx: Ctx, placeId: string, body: TariffBody): Promise<{ placeId: string }> {
  return write(ctx, async (tx) => {
    const place = await compoundFor(tx, ctx, placeId, 'manageParking');
    const now = ctx.kernel.clock.now();
    const before = await ensureCarPark(tx, place.street_id, place.id, now);
    await tx
      .updateTable('dev_car_parks')
      .set({ free_minutes: body.freeMinutes, hourly_fen: body.hourlyFen, daily_cap_fen: body.dailyCapFen, updated_at: now })
      .where('street_id', '=', place.street_id)
      .where('place_id', '=', place.id)
      .execute();
    await audit(tx, ctx, {
      action: 'devices.parking.tariff_updated',
      placeId: place.id,
      subjectType: 'dev_car_park',
      subjectId: place.id,
      before: { freeMinutes: before.free_minutes, hourlyFen: before.hourly_fen, dailyCapFen: before.daily_cap_fen },
      after: body,
    });
    return { placeId: place.id };
  });
}
