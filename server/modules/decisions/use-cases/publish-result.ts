import { type Ctx, audit } from '../../../kernel/context.ts';
import { notifyOwners } from './notify-owners.ts';
import { write } from '../decisions.db.ts';
import { decisionFor } from './decision-access.ts';
import { elevatorOnPublish } from './elevator-shares.ts';
import { openFilings } from './open-filings.ts';

/** Publishes the counted result (公示): the public page and its PDF go live, and every owner on the roll is told. */
export async function publishResult(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['closed'] });
    const now = ctx.kernel.clock.now();
    await elevatorOnPublish(tx, ctx, d, now);
    await tx.updateTable('dec_decisions').set({ status: 'published', published_at: now, updated_at: now }).where('street_id', '=', d.street_id).where('id', '=', d.id).execute();
    await audit(tx, ctx, { action: 'decisions.result.published', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, before: { status: 'closed' }, after: { status: 'published' } });
    await notifyOwners(tx, ctx, d, 'decisions.result_published');
    await openFilings(tx, ctx, d, now);
    return { id: d.id, status: 'published' as const };
  });
}
