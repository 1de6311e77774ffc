import { requestApproval } from '../../../kernel/approvals/approvals.ts';
import { type Ctx } from '../../../kernel/context.ts';
import { write } from '../registry.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows } from '../registry.policy.ts';
import { findHousehold, findRoom } from '../registry.repository.ts';
import { OWNER_CHANGE, endHouseholdRow } from './add-household.ts';

/** Ends a household on a date (moving out, selling). Ending an ownership needs a second approver. */
export async function endHousehold(ctx: Ctx, id: string, endDate: string) {
  return write(ctx, async (tx) => {
    const h = await findHousehold(tx, id);
    const room = h && (await findRoom(tx, h.room_id));
    if (!h || !room || !allows(ctx.actor, 'readRooms', room.path)) throw RegistryErrors.HOUSEHOLD_NOT_FOUND();
    if (!allows(ctx.actor, 'writeHouseholds', room.path)) throw CommonErrors.FORBIDDEN();
    if (h.end_date !== null) throw RegistryErrors.HOUSEHOLD_NOT_FOUND();
    if (h.relation === 'owner' || h.relation === 'co_owner') {
      return requestApproval(tx, ctx, {
        kind: OWNER_CHANGE,
        placeId: room.id,
        summary: `注销业主登记：${room.name}（${endDate}）`,
        payload: { op: 'end', householdId: id, endDate },
      });
    }
    await endHouseholdRow(tx, ctx, id, endDate);
    return { status: 'ended' as const };
  });
}
