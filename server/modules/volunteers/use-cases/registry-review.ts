import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../volunteers.db.ts';
import { VOLUNTEER_STATUS_ZH } from '../volunteers.registry.constants.ts';
import { RegistryErrors } from '../volunteers.registry.errors.ts';
import type { VolunteerStatus } from '../volunteers.tables.ts';
import { volunteerFor } from './registry-access.ts';

type Verb = 'approve' | 'reject' | 'suspend' | 'restore';
/** Which status each decision starts from and leads to. */
const STEPS: Record<Verb, { from: VolunteerStatus[]; to: VolunteerStatus; action: string }> = {
  approve: { from: ['pending'], to: 'approved', action: 'volunteers.registry.approved' },
  reject: { from: ['pending'], to: 'rejected', action: 'volunteers.registry.rejected' },
  suspend: { from: ['approved'], to: 'suspended', action: 'volunteers.registry.suspended' },
  restore: { from: ['suspended'], to: 'approved', action: 'volunteers.registry.restored' },
};

/**
 * The community's decision on a volunteer (volunteersManage at the volunteer's place): approve or reject a pending
 * registration (a reason required; the resident is told in the app either way), suspend an approved volunteer or
 * restore a suspended one. From any other status: STATUS_NOT_ALLOWED, nothing written. Audited.
 */
export async function reviewVolunteer(ctx: Ctx, id: string, verb: Verb, reason?: string): Promise<{ id: string; status: VolunteerStatus }> {
  const step = STEPS[verb];
  if (verb === 'reject' && !reason) throw new Error('reject: a reason');
  return write(ctx, async (tx) => {
    const v = await volunteerFor(tx, ctx, id, 'volunteersManage', true);
    if (!step.from.includes(v.status)) throw RegistryErrors.STATUS_NOT_ALLOWED({ status: VOLUNTEER_STATUS_ZH[v.status] });
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('vol_volunteers')
      .set({
        status: step.to,
        reject_reason: verb === 'reject' ? reason! : null,
        ...(verb === 'approve' || verb === 'reject' ? { reviewed_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, reviewed_at: now } : {}),
        updated_at: now,
      })
      .where('street_id', '=', v.streetId)
      .where('id', '=', v.id)
      .execute();
    if (verb === 'approve' || verb === 'reject') {
      await notify(tx, ctx, {
        template: verb === 'approve' ? 'volunteers.registry.approved' : 'volunteers.registry.rejected',
        placeId: v.placeId,
        to: { persons: [v.personId] },
        data: { place: v.placeName, ...(reason ? { reason } : {}) },
        subject: { type: 'vol_volunteer', id: v.id },
      });
    }
    await audit(tx, ctx, { action: step.action, placeId: v.placeId, subjectType: 'vol_volunteer', subjectId: v.id, detail: { from: v.status, ...(reason ? { reason } : {}) } });
    return { id: v.id, status: step.to };
  });
}
