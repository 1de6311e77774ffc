import { isSystem, pathLabel } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../devices.db.ts';
import type { ReviewBody } from '../devices.visitors.schemas.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';
import { staffRowAccess } from './visitors-access.ts';

/**
 * The property company approves or rejects a pending vehicle (a rejection gives its reason): an approved plate
 * opens the compound's barrier as a resident's. The resident who registered it is told in the inbox.
 */
export async function reviewVehicle(ctx: Ctx, id: string, body: ReviewBody): Promise<{ id: string; status: 'approved' | 'rejected' }> {
  return write(ctx, async (tx) => {
    const vehicle = await tx
      .selectFrom('dev_vehicles as v')
      .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'v.street_id').onRef('room.id', '=', 'v.room_id'))
      .selectAll('v')
      .select(pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'))
      .where('v.id', '=', id)
      .forUpdate('v')
      .executeTakeFirst();
    if (!vehicle) throw VisitorsErrors.VEHICLE_NOT_FOUND();
    await staffRowAccess(tx, ctx, vehicle.place_id, 'reviewVehicles', VisitorsErrors.VEHICLE_NOT_FOUND);
    if (vehicle.status !== 'pending') throw VisitorsErrors.VEHICLE_REVIEWED();
    if (body.decision === 'reject' && !body.note) throw VisitorsErrors.REJECT_NOTE_REQUIRED();
    const status = body.decision === 'approve' ? ('approved' as const) : ('rejected' as const);
    await tx
      .updateTable('dev_vehicles')
      .set({ status, reviewed_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, reviewed_at: ctx.kernel.clock.now(), review_note: body.note })
      .where('street_id', '=', vehicle.street_id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, { action: status === 'approved' ? 'devices.visitors.vehicle_approved' : 'devices.visitors.vehicle_rejected', placeId: vehicle.place_id, subjectType: 'dev_vehicle', subjectId: id, before: { status: 'pending' }, after: { status, plate: vehicle.plate, note: body.note } });
    if (vehicle.added_by)
      await notify(tx, ctx, {
        template: 'devices.visitors.vehicle_reviewed',
        placeId: vehicle.place_id,
        to: { accounts: [vehicle.added_by] },
        data: { plate: vehicle.plate, room: vehicle.roomLabel, decision: status === 'approved' ? '已通过' : '未通过', decisionEn: status === 'approved' ? 'approved' : 'rejected', note: body.note },
        subject: { type: 'dev_vehicle', id },
      });
    return { id, status };
  });
}
