import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../decisions.db.ts';
import { decisionForOwner } from './owner-access.ts';

/**
 * "回执不符": an owner says the receipt they hold is not what the board shows (or is missing from it). Recorded, and
 * the street's officials over the decision's place are told at once — the organiser is the party being questioned.
 */
export async function reportReceipt(ctx: Ctx, id: string, body: { receipt: string; note?: string }) {
  await decisionForOwner(read(ctx), ctx, id);
  return write(ctx, async (tx) => {
    const { decision: d } = await decisionForOwner(tx, ctx, id);
    const reportId = newId();
    await tx
      .insertInto('dec_receipt_reports')
      .values({ street_id: d.street_id, id: reportId, decision_id: d.id, receipt: body.receipt, note: body.note ?? '', account_id: ctx.actor.accountId, created_at: ctx.kernel.clock.now() })
      .execute();
    await notify(tx, ctx, {
      template: 'decisions.receipt_reported',
      placeId: d.place_id,
      to: { roles: ['street_official'] },
      data: { title: d.title, id: d.id, receipt: body.receipt.slice(0, 19) },
      subject: { type: 'decision', id: d.id },
    });
    await audit(tx, ctx, { action: 'decisions.receipt.reported', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { report: reportId } });
    return { id: reportId };
  });
}
