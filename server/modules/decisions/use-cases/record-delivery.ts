import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';
import { decisionForOwner } from './owner-access.ts';

/**
 * The owner opened the decision's materials on the H5: recorded as delivery (送达), once per owner and entry,
 * the first time. The row is itself the record (who, which decision, when), like a notice's read receipt.
 */
export async function recordDelivery(ctx: Ctx, id: string) {
  const db = read(ctx);
  const { decision: d, entries } = await decisionForOwner(db, ctx, id);
  const now = ctx.kernel.clock.now();
  const rows = await db
    .insertInto('dec_deliveries')
    .values(entries.map((e) => ({ street_id: d.street_id, decision_id: d.id, entry_id: e.id, account_id: ctx.actor.accountId, channel: 'h5' as const, opened_at: now })))
    .onConflict((oc) => oc.doNothing())
    .returning('entry_id')
    .execute();
  return { recorded: rows.length };
}
