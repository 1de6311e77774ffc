import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { transition } from './events-access.ts';

/** 结案: the dispatcher checks a resolved event and closes it; the reporter is told and may rate the handling. */
export function closeEvent(ctx: Ctx, id: string, note: string | null = null) {
  return transition(ctx, id, {
    who: 'dispatcher',
    from: ['resolved'],
    to: 'closed',
    kind: 'closed',
    action: 'grid.events.closed',
    note,
    set: () => ({ columns: { closed_at: ctx.kernel.clock.now() } }),
    after: async (e, tx) => {
      const to = e.reporterPersonId ? { persons: [e.reporterPersonId] } : e.reporterAccountId ? { accounts: [e.reporterAccountId] } : null;
      if (to) await notify(tx, ctx, { template: 'grid.events.closed', placeId: e.placeId, to, data: { place: e.compoundName, location: e.location || e.placeName }, subject: { type: 'grid_event', id: e.id } });
    },
  });
}
