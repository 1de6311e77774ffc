import type { Ctx } from '../../../kernel/context.ts';
import { transition } from './events-access.ts';

/** 退回: the body the event was dispatched to refuses it with a reason; it goes back to 待派遣 for the dispatcher to reassign. */
export function rejectEvent(ctx: Ctx, id: string, reason: string) {
  return transition(ctx, id, {
    who: 'handler',
    from: ['dispatched'],
    to: 'reported',
    kind: 'rejected',
    action: 'grid.events.rejected',
    note: reason,
    set: (e) => ({ columns: { body: null, liaison_id: null, dispatched_at: null, due_at: null }, body: e.body, liaisonId: e.liaisonId }),
  });
}
