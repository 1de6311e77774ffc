import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import { mayModerate } from '../opinions.policy.ts';
import type { LoadedOpinion } from './load-opinion.ts';
import { changeOpinion } from './change-opinion.ts';

function checkModerator(ctx: Ctx, o: LoadedOpinion) {
  if (o.facts.visibility !== 'public') {
    // Private posts are never shown to neighbours: there is nothing to hide.
    throw o.staff && mayModerate(ctx.actor, { ...o.facts, visibility: 'public' }) ? OpinionErrors.NOT_PUBLIC() : CommonErrors.FORBIDDEN();
  }
  if (!mayModerate(ctx.actor, o.facts)) throw CommonErrors.FORBIDDEN();
}

/** Officials hide a public post from residents, with a reason (kept and shown to officials and the poster). */
export function hideOpinion(ctx: Ctx, id: string, reason: string) {
  return changeOpinion(ctx, id, {
    action: 'opinions.opinion.hidden',
    check: (o) => {
      checkModerator(ctx, o);
      if (o.facts.hidden) throw OpinionErrors.ALREADY_HIDDEN();
    },
    patch: (_o, now) => ({ hidden_at: now, hidden_by: ctx.actor.accountId, hidden_by_name: ctx.actor.name, hidden_reason: reason }),
  });
}

/** Officials restore a hidden post; the audit log keeps who hid it and why. */
export function unhideOpinion(ctx: Ctx, id: string) {
  return changeOpinion(ctx, id, {
    action: 'opinions.opinion.restored',
    check: (o) => {
      checkModerator(ctx, o);
      if (!o.facts.hidden) throw OpinionErrors.NOT_HIDDEN();
    },
    patch: () => ({ hidden_at: null, hidden_by: null, hidden_by_name: null, hidden_reason: null }),
  });
}
