import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import type { CallUpBody } from '../grid.emergency.schemas.ts';
import { write } from '../grid.db.ts';
import { accountOf, chinaMinute, managedDeclaration } from './emergency-access.ts';
import { placeVolunteers } from './emergency-visitors.ts';

/**
 * 志愿者召集: a manager calls up the place's approved volunteers for a task with N slots, a meeting point and a time;
 * each volunteer with an account is told urgently (through quiet hours). Audited.
 */
export async function createCallUp(ctx: Ctx, id: string, body: CallUpBody): Promise<{ id: string; notified: number }> {
  return write(ctx, async (tx) => {
    const d = await managedDeclaration(tx, ctx, id);
    const callUpId = newId();
    const meetAt = new Date(body.meetAt);
    await tx
      .insertInto('grid_emergency_callups')
      .values({ street_id: d.streetId, id: callUpId, declaration_id: id, task: body.task, slots: body.slots, meeting_point: body.meetingPoint, meet_at: meetAt, created_by: accountOf(ctx), created_at: ctx.kernel.clock.now() })
      .execute();
    const volunteers = await placeVolunteers(tx, d);
    const sent = await notify(tx, ctx, {
      template: 'grid.emergency.call_up',
      placeId: d.placeId,
      to: { persons: volunteers.map((v) => v.personId) },
      data: { id: callUpId, place: d.placeName, task: body.task, slots: body.slots, at: chinaMinute(meetAt), point: body.meetingPoint || d.placeName },
      subject: { type: 'grid_emergency_callup', id: callUpId },
      urgent: true,
    });
    await tx.updateTable('grid_emergency_callups').set({ notified: sent.recipients }).where('street_id', '=', d.streetId).where('id', '=', callUpId).execute();
    await audit(tx, ctx, { action: 'grid.emergency.call_up_created', placeId: d.placeId, subjectType: 'grid_emergency', subjectId: id, detail: { task: body.task, slots: body.slots, notified: sent.recipients } });
    return { id: callUpId, notified: sent.recipients };
  });
}
