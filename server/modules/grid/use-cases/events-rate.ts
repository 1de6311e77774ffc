import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import type { RateBody } from '../grid.events.schemas.ts';
import { eventFor, isReporter, recordStep, requireStatus } from './events-access.ts';

/**
 * 评价: the reporter (staff, or a resident on the H5) rates the handling of a closed event 1–5 with a comment, once
 * (ALREADY_RATED after; the conditional update decides between two at once). Anyone else: NOT_REPORTER.
 */
export async function rateEvent(ctx: Ctx, id: string, input: RateBody): Promise<{ id: string; rating: number }> {
  return write(ctx, async (tx) => {
    const e = await eventFor(tx, ctx, id, { forUpdate: true, asReporter: true });
    if (!isReporter(ctx, e)) throw EventsErrors.NOT_REPORTER();
    requireStatus(e, ['closed']);
    if (e.rating !== null) throw EventsErrors.ALREADY_RATED();
    const now = ctx.kernel.clock.now();
    const done = await tx
      .updateTable('grid_events')
      .set({ rating: input.stars, rating_comment: input.comment, rated_at: now, updated_at: now })
      .where('street_id', '=', e.streetId)
      .where('id', '=', e.id)
      .where('rating', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw EventsErrors.ALREADY_RATED();
    await recordStep(tx, ctx, e, { kind: 'rated', from: 'closed', to: 'closed', note: `${input.stars}星${input.comment ? `：${input.comment}` : ''}` });
    await audit(tx, ctx, { action: 'grid.events.rated', placeId: e.placeId, subjectType: 'grid_event', subjectId: e.id, detail: { stars: input.stars } });
    return { id: e.id, rating: input.stars };
  });
}
