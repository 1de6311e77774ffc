import type { Ctx } from '../../../kernel/context.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import type { RatingBody } from '../opinions.schemas.ts';
import { changeOpinion } from './change-opinion.ts';

/** The poster rates the answer (1–5, with an optional comment), once. */
export function rateOpinion(ctx: Ctx, id: string, input: RatingBody) {
  return changeOpinion(ctx, id, {
    action: 'opinions.opinion.rated',
    check: (o) => {
      if (!o.own) throw OpinionErrors.ONLY_POSTER_RATES();
      if (!o.row.answered_at) throw OpinionErrors.NOT_ANSWERED();
      if (o.row.rating !== null) throw OpinionErrors.ALREADY_RATED();
    },
    patch: (_o, now) => ({ rating: input.rating, rating_comment: input.comment || null, rated_at: now }),
    detail: () => ({ rating: input.rating }),
  });
}
