import { isSystem } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../volunteers.db.ts';
import { GreenErrors } from '../volunteers.green.errors.ts';
import { type AdoptionRow, adoptionFor, lockPlot, overlapping } from './green-access.ts';

export type Decision = { decision: 'approve' } | { decision: 'reject'; reason: string };

/**
 * Approves an application (→ active) or rejects it with a reason (greenManage at the plot's compound). Approval
 * locks the plot's row, so two approvals of one plot run one after the other: it is refused when the plot is closed,
 * the period is already over, or an active adoption of the plot overlaps it (one adopter per plot on any day).
 * Audited; a refusal writes nothing.
 */
export async function decideAdoption(ctx: Ctx, id: string, d: Decision): Promise<Omit<AdoptionRow, 'compoundPath' | 'accountId'>> {
  await write(ctx, async (tx) => {
    const a = await adoptionFor(tx, ctx, id, 'greenManage', true);
    if (a.status !== 'pending') throw GreenErrors.ADOPTION_NOT_PENDING();
    const now = ctx.kernel.clock.now();
    const decidedBy = isSystem(ctx.actor) ? null : ctx.actor.accountId;
    if (d.decision === 'approve') {
      const plot = await lockPlot(tx, a.streetId, a.plotId);
      if (plot.closed_at) throw GreenErrors.PLOT_CLOSED();
      if (a.toDay < chinaDay(now)) throw GreenErrors.PERIOD_INVALID();
      const taken = await overlapping(tx, a.streetId, a.plotId, a.fromDay, a.toDay, a.id);
      if (taken) throw GreenErrors.PERIOD_TAKEN(taken);
      await tx.updateTable('vol_green_adoptions').set({ status: 'active', decided_by: decidedBy, decided_at: now, updated_at: now }).where('street_id', '=', a.streetId).where('id', '=', a.id).execute();
      await notify(tx, ctx, {
        template: 'volunteers.green.approved',
        placeId: a.compoundId,
        to: { persons: [a.personId] },
        data: { plot: a.plotName, compound: a.compoundName, from: a.fromDay, to: a.toDay },
        subject: { type: 'vol_green_adoption', id: a.id },
      });
      await audit(tx, ctx, { action: 'volunteers.green.adoption_approved', placeId: a.compoundId, subjectType: 'vol_green_adoption', subjectId: a.id, detail: { plotId: a.plotId, from: a.fromDay, to: a.toDay } });
    } else {
      await tx
        .updateTable('vol_green_adoptions')
        .set({ status: 'rejected', reject_reason: d.reason, decided_by: decidedBy, decided_at: now, updated_at: now })
        .where('street_id', '=', a.streetId)
        .where('id', '=', a.id)
        .execute();
      await notify(tx, ctx, {
        template: 'volunteers.green.rejected',
        placeId: a.compoundId,
        to: { persons: [a.personId] },
        data: { plot: a.plotName, compound: a.compoundName, reason: d.reason },
        subject: { type: 'vol_green_adoption', id: a.id },
      });
      await audit(tx, ctx, { action: 'volunteers.green.adoption_rejected', placeId: a.compoundId, subjectType: 'vol_green_adoption', subjectId: a.id, detail: { plotId: a.plotId, reason: d.reason } });
    }
  });
  const { compoundPath: _p, accountId: _a, ...row } = await adoptionFor(read(ctx), ctx, id, 'greenRead');
  return row;
}

/**
 * Ends an active adoption early with a reason (the adopter moved away, asked to stop, neglected the plot): from
 * today it no longer covers the plot, which can be adopted again. Refused when it is not active or already ran out.
 * Audited.
 */
export async function endAdoption(ctx: Ctx, id: string, reason: string): Promise<Omit<AdoptionRow, 'compoundPath' | 'accountId'>> {
  await write(ctx, async (tx) => {
    const a = await adoptionFor(tx, ctx, id, 'greenManage', true);
    const today = chinaDay(ctx.kernel.clock.now());
    if (a.status !== 'active' || a.toDay < today) throw GreenErrors.ADOPTION_NOT_ACTIVE();
    await lockPlot(tx, a.streetId, a.plotId);
    const endedOn = a.fromDay > today ? a.fromDay : today;
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_green_adoptions').set({ status: 'ended', ended_on: endedOn, end_reason: reason, updated_at: now }).where('street_id', '=', a.streetId).where('id', '=', a.id).execute();
    await notify(tx, ctx, {
      template: 'volunteers.green.ended',
      placeId: a.compoundId,
      to: { persons: [a.personId] },
      data: { plot: a.plotName, compound: a.compoundName, day: endedOn, reason },
      subject: { type: 'vol_green_adoption', id: a.id },
    });
    await audit(tx, ctx, { action: 'volunteers.green.adoption_ended', placeId: a.compoundId, subjectType: 'vol_green_adoption', subjectId: a.id, detail: { plotId: a.plotId, endedOn, reason } });
  });
  const { compoundPath: _p, accountId: _a, ...row } = await adoptionFor(read(ctx), ctx, id, 'greenRead');
  return row;
}
