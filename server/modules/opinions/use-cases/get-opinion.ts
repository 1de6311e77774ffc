import type { Ctx } from '../../../kernel/context.ts';
import { loadOpinionFor, presentOpinion } from './load-opinion.ts';
import { read } from '../opinions.db.ts';

/** One opinion as the actor may see it, with what they may do next. */
export async function getOpinion(ctx: Ctx, id: string) {
  return presentOpinion(ctx, await loadOpinionFor(read(ctx), ctx, id));
}
