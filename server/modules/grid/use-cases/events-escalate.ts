import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import { transition } from './events-access.ts';

/**
 * 上报街道: the community-level dispatcher escalates an open event to the street, with a reason; from then on only
 * street officials dispatch it. The street officials over the place are told.
 */
export function escalateEvent(ctx: Ctx, id: string, reason: string) {
  return transition(ctx, id, {
    who: 'dispatcher',
    from: ['reported', 'dispatched', 'handling'],
    kind: 'escalated',
    action: 'grid.events.escalated',
    note: reason,
    check: (e) => {
      if (e.level === 'street') throw EventsErrors.ALREADY_ESCALATED();
    },
    set: (e) => ({ columns: { level: 'street' }, liaisonId: e.liaisonId }),
    after: async (e, tx) => {
      await notify(tx, ctx, { template: 'grid.events.escalated', placeId: e.placeId, to: { roles: ['street_official'] }, data: { place: e.compoundName, location: e.location || e.placeName, reason }, subject: { type: 'grid_event', id: e.id } });
    },
  });
}
