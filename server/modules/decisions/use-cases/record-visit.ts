import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { VisitOutcome } from '../decisions.tables.ts';
import { decisionFor } from './decision-access.ts';

/** A volunteer's visit to an owner on the roll (扫楼): its outcome and a short note, while the roll is out or voting is open. Audited. */
export async function recordVisit(ctx: Ctx, id: string, entryId: string, input: { outcome: VisitOutcome; note?: string }) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { status: ['roll_published', 'open'] });
    const entry = await tx
      .selectFrom('dec_roll_entries')
      .select(['id', 'no'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('id', '=', entryId)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (!entry) throw DecisionsErrors.ENTRY_NOT_FOUND();
    const visitId = newId();
    await tx
      .insertInto('dec_visits')
      .values({ street_id: d.street_id, id: visitId, decision_id: d.id, entry_id: entry.id, outcome: input.outcome, note: input.note ?? '', visited_by: ctx.actor.accountId, visited_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'decisions.visit.recorded', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { entry: entry.no, outcome: input.outcome } });
    return { id: visitId };
  });
}
