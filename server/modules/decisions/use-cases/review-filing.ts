import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import type { Tx } from '../decisions.db.ts';
import { OFFICE_LABEL, filingFor } from './filing-access.ts';

/**
 * What acknowledging and returning share, in the caller's transaction: only the filing's own office acts, only on a
 * submitted package; the step joins the filing's history and the one who submitted it is told.
 */
export async function closeFilingStep(tx: Tx, ctx: Ctx, filingId: string, action: 'acknowledged' | 'returned', note: string) {
  const f = await filingFor(tx, ctx.actor, filingId, 'receive', { forUpdate: true, status: ['submitted'] });
  const now = ctx.kernel.clock.now();
  await tx.insertInto('dec_filing_events').values({ street_id: f.street_id, id: newId(), filing_id: f.id, action, version: f.version, at: now, by: ctx.actor.accountId, by_name: ctx.actor.name, note, package_hash: f.package_hash }).execute();
  if (f.submitted_by) {
    await notify(tx, ctx, {
      template: action === 'acknowledged' ? 'decisions.filing_acknowledged' : 'decisions.filing_returned',
      placeId: f.place_id,
      to: { accounts: [f.submitted_by] },
      data: { title: f.title, id: f.decision_id, office: OFFICE_LABEL[f.office].zh, reason: note },
      subject: { type: 'decision', id: f.decision_id },
    });
  }
  return { f, now };
}
