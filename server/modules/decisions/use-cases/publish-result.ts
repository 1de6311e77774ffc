import { type Ctx, audit } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../decisions.db.ts';
import { decisionFor } from './decision-access.ts';

/** Publishes the counted result (公示): the public page and its PDF go live, and every owner on the roll is told. */
export async function publishResult(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['closed'] });
    const now = ctx.kernel.clock.now();
    await tx.updateTable('dec_decisions').set({ status: 'published', published_at: now, updated_at: now }).where('street_id', '=', d.street_id).where('id', '=', d.id).execute();
    await audit(tx, ctx, { action: 'decisions.result.published', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, before: { status: 'closed' }, after: { status: 'published' } });
    const owners = await tx.selectFrom('dec_roll_entries').select('person_ids').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('merged_into', 'is', null).execute();
    const persons = [...new Set(owners.flatMap((o) => o.person_ids))];
    if (persons.length) {
      await notify(tx, ctx, { template: 'decisions.result_published', placeId: d.place_id, to: { persons }, data: { title: d.title, id: d.id }, subject: { type: 'decision', id: d.id } });
    }
    return { id: d.id, status: 'published' as const };
  });
}
