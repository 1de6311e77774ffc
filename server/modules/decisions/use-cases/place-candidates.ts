import { type Ctx, audit } from '../../../kernel/context.ts';
import { matterBasis } from '../decisions.constants.ts';
import { type Executor, type Tx, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import { BEFORE_VOTING, electionFor } from './election-access.ts';

/** An election's ballot item is matter 3 of art. 278: electing the owners' committee. */
export const ELECTION_MATTER = 3;

/**
 * 生成选票: the election's ballot items become exactly its approved candidates, in their numbers' order (the item's
 * title the candidate's name, its description the statement). A candidate still in vetting, returned, rejected or
 * withdrawn is left off. Refused when no candidate is approved.
 */
export async function placeCandidatesOnBallot(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const { d } = await electionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: BEFORE_VOTING });
    return putApprovedOnBallot(tx, ctx, d);
  });
}

/** Replaces the election's items with its approved candidates (the decision row locked by the caller). */
export async function putApprovedOnBallot(tx: Tx, ctx: Ctx, d: Pick<DecisionRow, 'street_id' | 'id' | 'place_id'>) {
  const approved = await tx
    .selectFrom('dec_candidates')
    .select(['id', 'no', 'name', 'statement', 'room_label'])
    .where('street_id', '=', d.street_id)
    .where('decision_id', '=', d.id)
    .where('status', '=', 'approved')
    .orderBy('no')
    .execute();
  if (!approved.length) throw DecisionsErrors.NO_APPROVED_CANDIDATES();
  await tx.updateTable('dec_candidates').set({ item_no: null }).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();
  await tx.deleteFrom('dec_items').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();
  await tx
    .insertInto('dec_items')
    .values(
      approved.map((c, i) => ({
        street_id: d.street_id,
        decision_id: d.id,
        no: i + 1,
        title: c.name,
        matter: ELECTION_MATTER,
        legal_basis: matterBasis(ELECTION_MATTER),
        description: c.statement,
      })),
    )
    .execute();
  for (const [i, c] of approved.entries()) {
    await tx.updateTable('dec_candidates').set({ item_no: i + 1 }).where('street_id', '=', d.street_id).where('id', '=', c.id).execute();
  }
  await audit(tx, ctx, {
    action: 'decisions.election.ballot_made',
    placeId: d.place_id,
    subjectType: 'decision',
    subjectId: d.id,
    after: { candidates: approved.map((c, i) => ({ item: i + 1, no: c.no, name: c.name })) },
  });
  return { id: d.id, items: approved.map((c, i) => ({ no: i + 1, candidateId: c.id, candidateNo: c.no, name: c.name })) };
}

/**
 * An election opens only on a ballot listing exactly its approved candidates: a candidate rejected, returned or
 * withdrawn after the ballot was made (or one approved since) makes the ballot stale, and so does an empty one.
 */
export async function assertBallotIsApprovedCandidates(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id' | 'kind'>): Promise<void> {
  if (d.kind !== 'election') return;
  const [items, candidates] = await Promise.all([
    db.selectFrom('dec_items').select(['no', 'title']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('no').execute(),
    db.selectFrom('dec_candidates').select(['name', 'status', 'item_no']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute(),
  ]);
  const onBallot = candidates.filter((c) => c.item_no !== null);
  const approved = candidates.filter((c) => c.status === 'approved');
  const exact =
    items.length > 0 &&
    onBallot.length === items.length &&
    onBallot.every((c) => c.status === 'approved' && items.some((i) => i.no === c.item_no && i.title === c.name)) &&
    approved.length === onBallot.length;
  if (!exact) throw DecisionsErrors.CANDIDATES_NOT_ON_BALLOT();
}
