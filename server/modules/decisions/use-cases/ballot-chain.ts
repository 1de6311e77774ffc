import { sql } from 'kysely';
import type { Tx } from '../decisions.db.ts';
import type { BallotChannel } from '../decisions.tables.ts';
import { chainHash, closeHash, newNonce, receiptOf, rollKey } from '../ledger.ts';

/** Appends to one decision's chain take turns (the chain has one order); other decisions' ballots do not wait. */
const CHAIN_LOCK = 727014;
async function lockChain(tx: Tx, decisionId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK}, hashtext(${decisionId}))`.execute(tx);
}

/** The chain's last hash (the manifest's hash while it is empty) and length, or null for a decision opened before the ledger. */
export async function chainTip(tx: Tx, d: { street_id: string; id: string }): Promise<{ seq: number; hash: string } | null> {
  const last = await tx.selectFrom('dec_chain').select(['seq', 'hash']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (last) return last;
  const sealed = await tx.selectFrom('dec_decisions').select('manifest_hash').where('street_id', '=', d.street_id).where('id', '=', d.id).executeTakeFirst();
  return sealed?.manifest_hash ? { seq: 0, hash: sealed.manifest_hash } : null;
}

/**
 * A ballot now counts: it gets its receipt (committing to its choices under a fresh nonce) and joins the decision's
 * chain, naming the receipt of the ballot it displaces. Called last in the ballot's transaction, as an audit entry
 * would be: the chain is the ballots' audit record. Answers the receipt (null for a decision opened before the
 * ledger existed, which has no manifest to chain from).
 */
export async function chainBallot(
  tx: Tx,
  d: { street_id: string; id: string },
  ballot: { id: string; entryId: string; choices: Readonly<Record<string, string>>; channel: BallotChannel; at: Date; supersedes: string | null },
): Promise<string | null> {
  await lockChain(tx, d.id);
  const tip = await chainTip(tx, d);
  if (!tip) return null;
  const nonce = newNonce();
  const receipt = receiptOf(d.id, rollKey(d.id, ballot.entryId), ballot.choices, nonce);
  await tx.updateTable('dec_ballots').set({ receipt, nonce }).where('street_id', '=', d.street_id).where('id', '=', ballot.id).execute();
  const link = { receipt, at: ballot.at, channel: ballot.channel, supersedes: ballot.supersedes };
  await tx
    .insertInto('dec_chain')
    .values({ street_id: d.street_id, decision_id: d.id, seq: tip.seq + 1, kind: 'ballot', ballot_id: ballot.id, ...link, hash: chainHash(tip.hash, link) })
    .execute();
  return receipt;
}

/** The receipt of the ballot a new one displaces (it may have none: a decision opened before the ledger). */
export async function receiptOfBallot(tx: Tx, d: { street_id: string }, ballotId: string | null): Promise<string | null> {
  if (!ballotId) return null;
  const row = await tx.selectFrom('dec_ballots').select('receipt').where('street_id', '=', d.street_id).where('id', '=', ballotId).executeTakeFirst();
  return row?.receipt ?? null;
}

/** Closes the chain when voting closes: H(hₙ ‖ "CLOSE"), and publishes that head. */
export async function closeChain(tx: Tx, d: { street_id: string; id: string }, at: Date): Promise<void> {
  await lockChain(tx, d.id);
  const tip = await chainTip(tx, d);
  if (!tip) return;
  const hash = closeHash(tip.hash);
  await tx.insertInto('dec_chain').values({ street_id: d.street_id, decision_id: d.id, seq: tip.seq + 1, kind: 'close', at, hash }).execute();
  await tx.insertInto('dec_chain_heads').values({ street_id: d.street_id, decision_id: d.id, seq: tip.seq + 1, hash, published_at: at }).onConflict((oc) => oc.doNothing()).execute();
}
