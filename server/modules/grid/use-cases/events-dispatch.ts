import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import type { DispatchBody } from '../grid.events.schemas.ts';
import { BODY_ZH, bodyFor, bodyRecipients, dueFrom, transition } from './events-access.ts';

/**
 * 派遣: the dispatcher (eventsDispatch over the place; after escalation, street officials) sends a reported event to
 * a body — the property company, the residents' committee, or a department line with a serving liaison at the
 * compound (NO_LIAISON otherwise). Due 24 hours (urgent) or 72 hours (normal) from now; the body is told.
 */
export function dispatchEvent(ctx: Ctx, id: string, input: DispatchBody) {
  const now = ctx.kernel.clock.now();
  let liaisonAccountId: string | null = null;
  return transition(ctx, id, {
    who: 'dispatcher',
    from: ['reported'],
    to: 'dispatched',
    kind: 'dispatched',
    action: 'grid.events.dispatched',
    note: input.note ?? null,
    set: async (e, tx) => {
      const to = await bodyFor(tx, ctx, e, input.body);
      liaisonAccountId = to.liaisonAccountId;
      return { columns: { body: input.body, liaison_id: to.liaisonId, dispatched_at: now, due_at: dueFrom(now, e.urgency) }, body: input.body, liaisonId: to.liaisonId };
    },
    after: async (e, tx) => {
      await notify(tx, ctx, {
        template: 'grid.events.dispatched',
        placeId: e.placeId,
        to: bodyRecipients(input.body, liaisonAccountId),
        data: { place: e.compoundName, location: e.location || e.placeName, body: BODY_ZH[input.body] },
        subject: { type: 'grid_event', id: e.id },
      });
    },
  });
}
