import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionForOwner } from './owner-access.ts';

/** An owner objects to the roll while it is published for objections (a wrong area, a missing co-owner, one owner listed twice). */
export async function fileObjection(ctx: Ctx, id: string, input: { text: string }) {
  const { decision: d } = await decisionForOwner(read(ctx), ctx, id);
  if (d.status !== 'roll_published') throw DecisionsErrors.OBJECTION_CLOSED();
  return write(ctx, async (tx) => {
    const objectionId = newId();
    await tx
      .insertInto('dec_objections')
      .values({ street_id: d.street_id, id: objectionId, decision_id: d.id, account_id: ctx.actor.accountId, text: input.text, status: 'open', answer: null, created_at: ctx.kernel.clock.now(), answered_at: null })
      .execute();
    // The owner's words stay out of the audit entry (they may name people); the row keeps them.
    await audit(tx, ctx, { action: 'decisions.objection.filed', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { objection: objectionId } });
    return { id: objectionId, status: 'open' as const };
  });
}
