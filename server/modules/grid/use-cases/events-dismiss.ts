import type { Ctx } from '../../../kernel/context.ts';
import { transition } from './events-access.ts';

/** 不予受理: the dispatcher dismisses an invalid report (not yet taken on) with a reason; final. */
export function dismissEvent(ctx: Ctx, id: string, reason: string) {
  return transition(ctx, id, { who: 'dispatcher', from: ['reported', 'dispatched'], to: 'dismissed', kind: 'dismissed', action: 'grid.events.dismissed', note: reason, set: () => ({ columns: { due_at: null } }) });
}
