import type { Ctx } from '../../../kernel/context.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import type { DispatchBody } from '../grid.events.schemas.ts';
import { toBody, transition } from './events-access.ts';

/**
 * 改派: the dispatcher sends an event that is waiting for its body or being handled to another body (SAME_BODY for
 * the one it is with); the new body's time limit runs from now and it is told.
 */
export function reassignEvent(ctx: Ctx, id: string, input: DispatchBody) {
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
    ...toBody(ctx, input.body),
  });
}
