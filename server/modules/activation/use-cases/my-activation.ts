import type { Ctx } from '../../../kernel/context.ts';
import { claimsOfAccount } from '../activation.repository.ts';
import { read } from '../activation.db.ts';

/**
 * The claimant's own view: activated or not, and their claims with status. The review reason is
 * left out on purpose (it would tell which part of a claim was wrong); a rejection shows the
 * committee's note.
 */
export async function getMyActivation(ctx: Ctx) {
  const claims = await claimsOfAccount(read(ctx), ctx.actor.accountId);
  return { activated: !!ctx.actor.personId, claims };
}
