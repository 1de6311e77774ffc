import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../registry.db.ts';

/** My correction requests, newest first (a resident files a handful: no paging). */
export async function listMyCorrections(ctx: Ctx) {
  const items = await read(ctx)
    .selectFrom('reg_corrections as c')
    .select(['c.id', 'c.field', 'c.request', 'c.status', 'c.answer', 'c.created_at', 'c.answered_at'])
    .where('c.account_id', '=', ctx.actor.accountId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return { items };
}
