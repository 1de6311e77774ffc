import { type Ctx, audit } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';

/** The organiser answers an objection to the roll (after correcting the registry and re-publishing, or explaining why not); the owner is told. */
export async function answerObjection(ctx: Ctx, id: string, objectionId: string, input: { answer: string }) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true });
    const objection = await tx
      .selectFrom('dec_objections')
      .select(['id', 'account_id', 'status'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('id', '=', objectionId)
      .executeTakeFirst();
    if (!objection || objection.status !== 'open') throw DecisionsErrors.OBJECTION_NOT_FOUND();
    await tx
      .updateTable('dec_objections')
      .set({ status: 'answered', answer: input.answer, answered_at: ctx.kernel.clock.now() })
      .where('street_id', '=', d.street_id)
      .where('id', '=', objectionId)
      .execute();
    await audit(tx, ctx, { action: 'decisions.objection.answered', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { objection: objectionId } });
    await notify(tx, ctx, {
      template: 'decisions.objection_answered',
      placeId: d.place_id,
      to: { accounts: [objection.account_id] },
      data: { title: d.title, answer: input.answer, id: d.id },
      subject: { type: 'decision', id: d.id },
    });
    return { id: objectionId, status: 'answered' as const };
  });
}
