import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { currentRoomsOf, personNames } from '../../registry/index.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import type { BookBody } from '../grid.agency.schemas.ts';
import { write } from '../grid.db.ts';
import { addDays, pointById, todayOf } from './agency-access.ts';

/** How far ahead a resident may book: today to 30 days on. */
export const BOOKING_DAYS_AHEAD = 30;

/**
 * A resident books a visit to a point of a compound they live in (kind 'point'), or a home visit by its staff (kind
 * 'home'): a day from today to 30 days on, the morning or the afternoon, an optional service and note. The point's
 * staff confirm or decline it. Audited.
 */
export async function bookAgency(ctx: Ctx, body: BookBody): Promise<{ id: string; status: 'requested' }> {
  const personId = ctx.actor.personId;
  if (!personId) throw AgencyErrors.AGENCY_NOT_A_RESIDENT();
  return write(ctx, async (tx) => {
    const point = await pointById(tx, body.pointId);
    const rooms = await currentRoomsOf(tx, personId);
    if (!point || !point.active || !rooms.some((r) => r.compoundId === point.compoundId)) throw AgencyErrors.AGENCY_POINT_NOT_FOUND();
    const today = todayOf(ctx);
    if (body.day < today || body.day > addDays(today, BOOKING_DAYS_AHEAD)) throw AgencyErrors.AGENCY_BOOKING_DAY_INVALID();
    if (body.serviceId) {
      const offered = await tx.selectFrom('grid_agency_point_services').select('service_id').where('street_id', '=', point.streetId).where('point_id', '=', point.id).where('service_id', '=', body.serviceId).executeTakeFirst();
      if (!offered) throw AgencyErrors.AGENCY_SERVICE_NOT_OFFERED();
    }
    const name = (await personNames(tx, [personId])).get(personId) ?? ctx.actor.name;
    const id = newId();
    await tx
      .insertInto('grid_agency_bookings')
      .values({
        street_id: point.streetId,
        id,
        point_id: point.id,
        compound_id: point.compoundId,
        person_id: personId,
        person_name: name,
        service_id: body.serviceId ?? null,
        kind: body.kind,
        day: body.day,
        slot: body.slot,
        note: body.note,
        status: 'requested',
        decline_reason: null,
        decided_at: null,
        decided_by: null,
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'grid.agency.booked', placeId: point.compoundId, subjectType: 'grid_agency_booking', subjectId: id, detail: { point: point.name, kind: body.kind, day: body.day, slot: body.slot } });
    return { id, status: 'requested' as const };
  });
}
