import { ancestorOfKind, findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { StoredResult } from '../outcome.ts';
import { insertDraft } from './create-decision.ts';

/**
 * The hook for a procedure of another module that refers a matter to the owners (issue 17 §1.3: a joint meeting
 * refers a deliberation item to an owners' vote): a draft decision with one item, the source linked, in the
 * caller's transaction so the referral and the draft commit together. The caller has checked its own policy;
 * the draft then goes the way of every draft — an organiser publishes its roll and asks to open it.
 */
export async function draftDecisionFor(
  callerTx: AnyTx,
  ctx: Ctx,
  input: {
    placeId: string;
    title: string;
    description?: string;
    /** Civil Code art. 278 ¶1 item (1–9): sets the thresholds. */
    matter: number;
    organiserKind: 'owners_committee' | 'residents_committee';
    organiserAuthority: string;
    source: { module: 'deliberation'; id: string; label: string };
  },
): Promise<{ id: string }> {
  const tx = read(callerTx);
  const place = await findPlace(tx, input.placeId);
  const compound = !place ? undefined : place.kind === 'compound' ? place : ['building', 'unit'].includes(place.kind) ? await ancestorOfKind(tx, place, 'compound') : undefined;
  if (!place || !compound || !place.street_id) throw DecisionsErrors.SCOPE_NOT_IN_COMPOUND();
  const { id } = await insertDraft(tx, ctx, {
    title: input.title,
    description: input.description,
    organiserKind: input.organiserKind,
    organiserAuthority: input.organiserAuthority,
    items: [{ title: input.title, matter: input.matter }],
    place: { id: place.id, streetId: place.street_id },
    compoundId: compound.id,
    scrutineerIds: [],
    source: input.source,
  });
  return { id };
}

/**
 * Where drafted decisions stand, for the module that referred them: 'pending' until the result is published,
 * then 'passed' when every item passed, else 'failed' (with the published result's summary for its record).
 */
export async function decisionOutcomes(db: AnyExecutor, ids: string[]) {
  if (!ids.length) return [];
  const rows = await read(db).selectFrom('dec_decisions').select(['id', 'status', 'title', 'result', 'published_at']).where('id', 'in', ids).execute();
  return rows.map((r) => {
    if (r.status !== 'published' || !r.result) return { id: r.id, title: r.title, outcome: 'pending' as const, publishedAt: null };
    const result = r.result as StoredResult;
    const passed = result.items.every((i) => i.passed) && (!result.elevator || result.elevator.passed);
    const first = result.items[0];
    return {
      id: r.id,
      title: r.title,
      outcome: passed ? ('passed' as const) : ('failed' as const),
      publishedAt: r.published_at,
      quorumMet: first?.quorum.met ?? false,
    };
  });
}
export type DecisionOutcome = Awaited<ReturnType<typeof decisionOutcomes>>[number];
