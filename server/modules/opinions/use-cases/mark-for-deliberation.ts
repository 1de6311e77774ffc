import type { Ctx } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/context.ts';
import { write, type Executor, read } from '../opinions.db.ts';
import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import { mayPromote } from '../opinions.policy.ts';
import { listPromoted, lockOpinion } from '../opinions.repository.ts';
import { changeOpinion } from './change-opinion.ts';

/**
 * Officials (the party organisation, residents' committee, 物委会) mark an opinion for deliberation:
 * stage 1 of the property deliberation procedure (议题收集, DOMAIN.md §3). The opinion's status
 * becomes 'promoted'; the deliberation module picks promoted opinions up with
 * `listPromotedOpinions` and records its own reference with `linkDeliberation`.
 */
export function markForDeliberation(ctx: Ctx, id: string, input: { note?: string } = {}) {
  return changeOpinion(ctx, id, {
    action: 'opinions.opinion.promoted',
    check: (o) => {
      if (!mayPromote(ctx.actor, o.facts)) throw CommonErrors.FORBIDDEN();
      if (o.facts.hidden) throw OpinionErrors.HIDDEN();
      if (o.row.status === 'promoted') throw OpinionErrors.ALREADY_PROMOTED();
    },
    patch: (_o, now) => ({
      status: 'promoted',
      promoted_at: now,
      promoted_by: ctx.actor.accountId,
      promoted_by_name: ctx.actor.name,
      promotion_note: input.note || null,
    }),
  });
}

/**
 * Promoted opinions, oldest promotion first: what the deliberation module takes into issue
 * collection. `underPath` limits them to a place's subtree (the caller checks the actor's scope);
 * `withoutRef` leaves out those already taken up.
 */
export function listPromotedOpinions(caller: AnyExecutor, opts: { underPath?: string; withoutRef?: boolean; limit?: number } = {}) {
  // Called by the deliberation module with its own view of the database (kernel/module-database.ts).
  return listPromoted(read(caller), opts);
}
export type PromotedOpinion = Awaited<ReturnType<typeof listPromotedOpinions>>[number];

/**
 * Records the deliberation item an opinion became (its id or code), in the caller's transaction,
 * so the deliberation module's own write and this link commit together.
 */
export async function linkDeliberation(callerTx: AnyTx, ctx: Ctx, opinionId: string, deliberationRef: string) {
  const tx = read(callerTx);
  const row = await lockOpinion(tx, opinionId);
  if (!row) throw OpinionErrors.OPINION_NOT_FOUND();
  if (row.status !== 'promoted') throw CommonErrors.CONFLICT({ reason: 'opinion is not marked for deliberation' });
  const now = ctx.kernel.clock.now();
  await tx.updateTable('op_opinions').set({ deliberation_ref: deliberationRef, updated_at: now }).where('id', '=', opinionId).execute();
  const place = await tx.selectFrom('op_opinions').select('place_id').where('id', '=', opinionId).executeTakeFirstOrThrow();
  await audit(tx, ctx, {
    action: 'opinions.opinion.deliberation_linked',
    placeId: place.place_id,
    subjectType: 'opinion',
    subjectId: opinionId,
    detail: { deliberationRef },
  });
}

/** Convenience for callers without a transaction of their own. */
export const linkDeliberationNow = (ctx: Ctx, opinionId: string, deliberationRef: string) =>
  write(ctx, (tx) => linkDeliberation(tx, ctx, opinionId, deliberationRef));

/**
 * A promoted opinion as the deliberation module takes it up: where it was posted, its words, whether it was
 * taken up already, and the people behind it — the poster first, then those who said "me too" — whose
 * households become the item's supporters.
 */
export async function opinionForDeliberation(caller: AnyExecutor, opinionId: string) {
  const db = read(caller);
  const o = await db
    .selectFrom('op_opinions')
    .select(['id', 'street_id as streetId', 'place_id as placeId', 'title', 'body', 'status', 'hidden_at as hiddenAt', 'deliberation_ref as deliberationRef', 'author_person_id as authorPersonId', 'author_account_id as authorAccountId'])
    .where('id', '=', opinionId)
    .executeTakeFirst();
  if (!o) return undefined;
  const meToo = await db.selectFrom('op_me_too').select(['person_id as personId', 'account_id as accountId']).where('opinion_id', '=', opinionId).orderBy('created_at').execute();
  return {
    id: o.id,
    streetId: o.streetId,
    placeId: o.placeId,
    title: o.title,
    body: o.body,
    promoted: o.status === 'promoted' && !o.hiddenAt,
    deliberationRef: o.deliberationRef,
    supporters: [{ personId: o.authorPersonId, accountId: o.authorAccountId }, ...meToo],
  };
}
