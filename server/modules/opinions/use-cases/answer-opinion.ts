import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import { mayAnswer } from '../opinions.policy.ts';
import { changeOpinion } from './change-opinion.ts';

/** The addressee's staff answer an opinion, once. */
export function answerOpinion(ctx: Ctx, id: string, answer: string) {
  return changeOpinion(ctx, id, {
    action: 'opinions.opinion.answered',
    check: (o) => {
      if (!mayAnswer(ctx.actor, o.facts)) throw CommonErrors.FORBIDDEN();
      if (o.facts.hidden) throw OpinionErrors.HIDDEN();
      if (o.row.answered_at) throw OpinionErrors.ALREADY_ANSWERED();
    },
    patch: (o, now) => ({
      answer,
      answered_at: now,
      answered_by: ctx.actor.accountId,
      answered_by_name: ctx.actor.name,
      // A promoted opinion stays promoted; an open one is now answered.
      status: o.row.status === 'open' ? 'answered' : o.row.status,
    }),
    // The poster hears the answer (inbox, and WeChat if they allowed it).
    also: async (tx, o) => {
      await notify(tx, ctx, {
        template: 'opinions.answered',
        placeId: o.row.place_id,
        to: { accounts: [o.row.author_account_id] },
        data: { title: o.row.title, answeredBy: o.row.addressee_name ?? ctx.actor.name, opinionId: o.row.id },
        subject: { type: 'opinion', id: o.row.id },
      });
    },
    detail: (o) => ({ addressee: o.row.addressee }),
  });
}
