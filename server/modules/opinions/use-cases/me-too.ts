import type { Ctx } from '../../../kernel/context.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import { changeOpinion } from './change-opinion.ts';

/** A resident of the compound says "me too" to a neighbour's public post, once. */
export function addMeToo(ctx: Ctx, id: string) {
  return changeOpinion(ctx, id, {
    action: 'opinions.me_too.added',
    check: (o) => {
      if (o.own) throw OpinionErrors.OWN_OPINION();
      if (o.facts.visibility !== 'public' || o.facts.hidden || !o.neighbour || !ctx.actor.personId) throw OpinionErrors.ME_TOO_NOT_ALLOWED();
      if (o.row.i_me_too) throw OpinionErrors.ME_TOO_EXISTS();
    },
    also: async (tx, o, now) => {
      await tx
        .insertInto('op_me_too')
        .values({ street_id: o.row.street_id, opinion_id: o.row.id, person_id: ctx.actor.personId!, account_id: ctx.actor.accountId, created_at: now })
        .execute();
    },
  });
}

/** Takes a "me too" back. */
export function withdrawMeToo(ctx: Ctx, id: string) {
  return changeOpinion(ctx, id, {
    action: 'opinions.me_too.withdrawn',
    check: (o) => {
      if (!o.row.i_me_too) throw OpinionErrors.ME_TOO_NOT_FOUND();
    },
    also: async (tx, o) => {
      await tx.deleteFrom('op_me_too').where('opinion_id', '=', o.row.id).where('person_id', '=', ctx.actor.personId!).execute();
    },
  });
}
