import type { Ctx } from '../../../kernel/context.ts';
import type { CloseNoticeBody } from '../supervision.rectification.schemas.ts';
import { changeNotice, recordNoticeChange } from './notice-access.ts';

/**
 * The issuer's side verifies the company's answer and closes the notice (销号): an issuing role whose grant covers
 * the place at the notice's level or above — a community official cannot close a street's notice.
 */
export async function closeNotice(ctx: Ctx, id: string, input: CloseNoticeBody): Promise<void> {
  await changeNotice(ctx, id, 'close', async (tx, notice, now) => {
    await tx
      .updateTable('sup_notices')
      .set({ status: 'closed', closed_at: now, closed_by: ctx.actor.accountId, updated_at: now })
      .where('street_id', '=', notice.street_id)
      .where('id', '=', notice.id)
      .execute();
    await recordNoticeChange(tx, ctx, notice, now, 'closed', { note: input.note });
  });
}
