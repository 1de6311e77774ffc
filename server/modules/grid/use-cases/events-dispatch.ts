import type { Ctx } from '../../../kernel/context.ts';
import type { DispatchBody } from '../grid.events.schemas.ts';
import { toBody, transition } from './events-access.ts';

/**
 * 派遣: the dispatcher (eventsDispatch over the place; after escalation, street officials) sends a reported event to
 * a body — the property company, the residents' committee, or a department line with a serving liaison at the
 * compound (NO_LIAISON otherwise). Due 24 hours (urgent) or 72 hours (normal) from now; the body is told.
 */
export function dispatchEvent(ctx: Ctx, id: string, input: DispatchBody) {
  return transition(ctx, id, {
    who: 'dispatcher',
    from: ['reported'],
    to: 'dispatched',
    kind: 'dispatched',
    action: 'grid.events.dispatched',
    note: input.note ?? null,
    ...toBody(ctx, input.body),
  });
}
