import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { closeFilingStep } from './review-filing.ts';

/** 退回补正: the receiving office returns the submitted package with its reason; the committee corrects it and submits again. */
export async function returnFiling(ctx: Ctx, filingId: string, body: { reason: string }) {
  return write(ctx, async (tx) => {
    const { f, now } = await closeFilingStep(tx, ctx, filingId, 'returned', body.reason);
    await tx
      .updateTable('dec_filings')
      .set({ status: 'returned', returned_at: now, returned_by: ctx.actor.accountId, returned_by_name: ctx.actor.name, return_reason: body.reason, updated_at: now })
      .where('street_id', '=', f.street_id)
      .where('id', '=', f.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.filing.returned',
      placeId: f.place_id,
      subjectType: 'decision',
      subjectId: f.decision_id,
      before: { status: 'submitted' },
      after: { status: 'returned' },
      detail: { filing: f.id, office: f.office, version: f.version, reason: body.reason },
    });
    return { id: f.id, status: 'returned' as const };
  });
}
