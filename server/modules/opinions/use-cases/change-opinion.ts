import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, type Tx } from '../opinions.db.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import { lockOpinion, type OpinionUpdate, updateOpinion } from '../opinions.repository.ts';
import { type LoadedOpinion, loadOpinionFor, presentOpinion } from './load-opinion.ts';

interface Change {
  action: string;
  /** Throws when the actor may not make this change (403) or the opinion's state forbids it (409). */
  check: (o: LoadedOpinion) => void;
  /** The columns to set; `updated_at` is added. Omit for changes to other tables (`also`). */
  patch?: (o: LoadedOpinion, now: Date) => OpinionUpdate;
  also?: (tx: Tx, o: LoadedOpinion, now: Date) => Promise<void>;
  detail?: (o: LoadedOpinion) => Record<string, unknown>;
}

/**
 * One change to one opinion: lock it, load it as the actor sees it (404 when invisible), check,
 * write, audit, all in one transaction. Answers the opinion as the actor now sees it.
 */
export async function changeOpinion(ctx: Ctx, id: string, change: Change) {
  return write(ctx, async (tx) => {
    if (!(await lockOpinion(tx, id))) throw OpinionErrors.OPINION_NOT_FOUND();
    const before = await loadOpinionFor(tx, ctx, id);
    change.check(before);
    const now = ctx.kernel.clock.now();
    if (change.patch) await updateOpinion(tx, id, { ...change.patch(before, now), updated_at: now });
    await change.also?.(tx, before, now);
    const after = await loadOpinionFor(tx, ctx, id).catch(() => null);
    await audit(tx, ctx, {
      action: change.action,
      placeId: before.row.place_id,
      subjectType: 'opinion',
      subjectId: id,
      before: before.row,
      after: after?.row ?? null,
      detail: change.detail?.(before),
    });
    // A moderator who hides a post still sees it; nobody loses sight of a post by changing it.
    return after ? presentOpinion(ctx, after) : presentOpinion(ctx, before);
  });
}
