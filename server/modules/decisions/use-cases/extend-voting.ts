import { chinaDay } from '../../../kernel/clock.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { notifyOwners } from './notify-owners.ts';
import type { RulesSettings } from '../decisions.constants.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Extends voting once, by at most the days the decision's rules allow (their 延期 clause), with a reason — the
 * usual remedy when participation falls short of ⅔ near the end. Every owner on the roll is told the new deadline.
 */
export async function extendVoting(ctx: Ctx, id: string, input: { days: number; reason: string }) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['open'] });
    const allowed = (d.rules as { settings: RulesSettings }).settings.extensionDays.value;
    if (allowed === 0 || d.extended_days > 0) throw DecisionsErrors.EXTENSION_NOT_ALLOWED();
    if (input.days > allowed) throw DecisionsErrors.EXTENSION_TOO_LONG({ days: allowed });
    const closesAt = new Date(d.closes_at!.getTime() + input.days * DAY_MS);
    await tx
      .updateTable('dec_decisions')
      .set({ closes_at: closesAt, extended_days: input.days, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', d.street_id)
      .where('id', '=', d.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.decision.extended',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      before: { closesAt: d.closes_at!.toISOString() },
      after: { closesAt: closesAt.toISOString(), days: input.days },
      detail: { reason: input.reason },
    });
    await notifyOwners(tx, ctx, d, 'decisions.extended', { until: chinaDay(closesAt) });
    return { id: d.id, closesAt };
  });
}
