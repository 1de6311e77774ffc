import { audit, type Ctx } from '../../../kernel/context.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import { write } from '../grid.db.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { accountOf, visiblePoints } from './agency-access.ts';

const SLOT_ZH = { am: '上午', pm: '下午' } as const;
const KIND_ZH = { point: '到点办理', home: '上门服务' } as const;

/**
 * The point's staff confirm a booking, or decline it with a reason: a booking is answered once (a conditional update
 * from 'requested'). The resident is told; audited.
 */
export async function decideBooking(ctx: Ctx, id: string, decision: { confirm: true } | { confirm: false; reason: string }): Promise<{ id: string; status: 'confirmed' | 'declined' }> {
  return write(ctx, async (tx) => {
    const booking = await tx.selectFrom('grid_agency_bookings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!booking) throw AgencyErrors.AGENCY_BOOKING_NOT_FOUND();
    const [point] = await visiblePoints(tx, ctx, { pointId: booking.point_id });
    if (!point) throw AgencyErrors.AGENCY_BOOKING_NOT_FOUND();
    if (!point.staffs) throw AgencyErrors.AGENCY_NOT_POINT_STAFF();
    if (booking.status !== 'requested') throw AgencyErrors.AGENCY_BOOKING_DECIDED();
    const status = decision.confirm ? ('confirmed' as const) : ('declined' as const);
    const reason = decision.confirm ? null : decision.reason;
    await tx
      .updateTable('grid_agency_bookings')
      .set({ status, decline_reason: reason, decided_at: ctx.kernel.clock.now(), decided_by: accountOf(ctx) })
      .where('street_id', '=', booking.street_id)
      .where('id', '=', id)
      .execute();
    await notify(tx, ctx, {
      template: decision.confirm ? 'grid.agency.booking_confirmed' : 'grid.agency.booking_declined',
      placeId: booking.compound_id,
      to: { persons: [booking.person_id] },
      data: { point: point.name, day: booking.day, slot: SLOT_ZH[booking.slot], slotEn: booking.slot === 'am' ? 'morning' : 'afternoon', kind: KIND_ZH[booking.kind], reason: reason ?? '' },
      subject: { type: 'grid_agency_booking', id },
    });
    await audit(tx, ctx, { action: decision.confirm ? 'grid.agency.booking_confirmed' : 'grid.agency.booking_declined', placeId: booking.compound_id, subjectType: 'grid_agency_booking', subjectId: id, detail: { day: booking.day, slot: booking.slot, reason } });
    return { id, status };
  });
}
