import { type Ctx, type Kernel, audit } from '../../kernel/context.ts';
import { write } from './decisions.db.ts';
import { chainHash, newNonce, receiptOf, rollKey } from './ledger.ts';
import type { Choice } from './tally.ts';

/** A demo owner's online ballot as the seeds draw it (the demo cannot type SMS codes). */
export interface SeededBallot {
  street_id: string;
  id: string;
  decision_id: string;
  entry_id: string;
  account_id: null;
  channel: 'online';
  choices: Record<string, Choice>;
  status: 'counted';
  request_key: string;
  cast_at: Date;
}

/**
 * Writes the demo's ballots of one open decision as the ledger would have: each with its receipt and its link in the
 * decision's chain from the sealed manifest, in the order cast (ledger.ts), in one transaction with one audit entry.
 */
export async function writeSeededBallots(kernel: Kernel, ctx: Ctx, d: { street_id: string; id: string; place_id: string; manifest_hash: string | null }, drawn: readonly SeededBallot[], seed: number): Promise<number> {
  const rows = [...drawn].sort((a, b) => a.cast_at.getTime() - b.cast_at.getTime());
  let prev = d.manifest_hash!;
  const ballots = rows.map((r) => {
    const nonce = newNonce();
    return { ...r, choices: JSON.stringify(r.choices), nonce, receipt: receiptOf(d.id, rollKey(d.id, r.entry_id), r.choices, nonce) };
  });
  const links = ballots.map((b, i) => {
    prev = chainHash(prev, { receipt: b.receipt, at: b.cast_at, channel: 'online', supersedes: null });
    return { street_id: d.street_id, decision_id: d.id, seq: i + 1, kind: 'ballot' as const, ballot_id: b.id, receipt: b.receipt, channel: 'online' as const, supersedes: null, at: b.cast_at, hash: prev };
  });
  await write({ ...ctx, kernel }, async (tx) => {
    for (let i = 0; i < ballots.length; i += 500) await tx.insertInto('dec_ballots').values(ballots.slice(i, i + 500)).execute();
    for (let i = 0; i < links.length; i += 500) await tx.insertInto('dec_chain').values(links.slice(i, i + 500)).execute();
    await audit(tx, ctx, { action: 'decisions.ballots.seeded', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { ballots: rows.length, seed } });
  });
  return rows.length;
}
