import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { BODY_ZH, bodyRecipients, dueFrom, transition } from './events-access.ts';

/**
 * 重新办理: the dispatcher reopens a resolved or closed event with a reason; it goes back to the same body (and the
 * same liaison), with a new time limit from now, and the body is told.
 */
export function reopenEvent(ctx: Ctx, id: string, reason: string) {
  const now = ctx.kernel.clock.now();
  return transition(ctx, id, {
    who: 'dispatcher',
    from: ['resolved', 'closed'],
    to: 'dispatched',
    kind: 'reopened',
    action: 'grid.events.reopened',
    note: reason,
    set: (e) => ({ columns: { resolved_at: null, closed_at: null, dispatched_at: now, due_at: dueFrom(now, e.urgency) }, liaisonId: e.liaisonId }),
    after: async (e, tx) => {
      const liaison = e.liaisonId ? await tx.selectFrom('grid_liaisons').select('account_id').where('street_id', '=', e.streetId).where('id', '=', e.liaisonId).executeTakeFirst() : undefined;
      await notify(tx, ctx, {
        template: 'grid.events.dispatched',
        placeId: e.placeId,
        to: bodyRecipients(e.body!, liaison?.account_id ?? null),
        data: { place: e.compoundName, location: e.location || e.placeName, body: BODY_ZH[e.body!] },
        subject: { type: 'grid_event', id: e.id },
      });
    },
  });
}
