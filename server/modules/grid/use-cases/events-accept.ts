import type { Ctx } from '../../../kernel/context.ts';
import { transition } from './events-access.ts';

/** 受理: the body the event was dispatched to takes it on (dispatched → handling). */
export function acceptEvent(ctx: Ctx, id: string) {
  return transition(ctx, id, { who: 'handler', from: ['dispatched'], to: 'handling', kind: 'accepted', action: 'grid.events.accepted', set: (e) => ({ liaisonId: e.liaisonId }) });
}
