import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import type { DispatchBody } from '../grid.events.schemas.ts';
import { BODY_ZH, bodyFor, bodyRecipients, dueFrom, transition } from './events-access.ts';

/**
 * 改派: the dispatcher sends an event that is waiting for its body or being handled to another body (SAME_BODY for
 * the one it is with); the new body's time limit runs from now and it is told.
 */
export function reassignEvent(ctx: Ctx, id: string, input: DispatchBody) {
  const now = ctx.kernel.clock.now();
  let liaisonAccountId: string | null = null;
  return transition(ctx, id, {
    who: 'dispatcher',
    from: ['dispatched', 'handling'],
    to: 'dispatched',
    kind: 'reassigned',
    action: 'grid.events.reassigned',
    note: input.note ?? null,
    check: (e) => {
      if (e.body === input.body) throw EventsErrors.SAME_BODY();
    },
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
