import type { ChainProblem } from '../../../kernel/audit/audit.ts';
import type { Executor } from '../decisions.db.ts';
import { chainHash, closeHash, hashOf, receiptOf, rollKey } from '../ledger.ts';
import { bundleRoll } from './seal-manifest.ts';

/**
 * The ballots' chains, verified like the audit log (`npm run cli -- audit verify` and the audit stand-in): for every
 * decision sealed at opening, the manifest still hashes to its sealed hash and the roll to the manifest's roll hash;
 * the chain runs from the manifest's hash without a gap; every link's hash holds; every ballot behind a link still
 * gives its receipt from its choices and nonce; every ballot with a receipt has its link.
 */
export async function verifyBallotChains(db: Executor): Promise<{ ok: boolean; entries: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let entries = 0;
  const sealed = await db.selectFrom('dec_decisions').select(['street_id', 'id', 'title', 'manifest', 'manifest_hash']).where('manifest_hash', 'is not', null).execute();
  for (const d of sealed) {
    const at = (seq: number, kind: ChainProblem['kind'], message: string) => problems.push({ seq, kind, message: `${d.title} (${d.id}): ${message}` });
    if (hashOf(d.manifest) !== d.manifest_hash) at(0, 'edited', 'the manifest no longer hashes to the hash sealed at opening');
    if (hashOf(await bundleRoll(db, d)) !== (d.manifest as { rollHash?: string }).rollHash) at(0, 'edited', 'the roll no longer hashes to the manifest’s roll hash');
    const [links, ballots] = await Promise.all([
      db.selectFrom('dec_chain').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('seq').execute(),
      db.selectFrom('dec_ballots').select(['id', 'entry_id', 'choices', 'nonce', 'receipt']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('receipt', 'is not', null).execute(),
    ]);
    const byId = new Map(ballots.map((b) => [b.id, b]));
    let prev = d.manifest_hash!;
    let expected = 1;
    for (const link of links) {
      entries++;
      if (link.seq !== expected) at(expected, 'deleted', `link ${expected} is missing`);
      expected = link.seq + 1;
      const hash = link.kind === 'close' ? closeHash(prev) : chainHash(prev, { receipt: link.receipt!, at: link.at, channel: link.channel!, supersedes: link.supersedes });
      if (hash !== link.hash) at(link.seq, 'edited', `link ${link.seq} does not hash from its predecessor and content`);
      prev = link.hash;
      if (link.kind !== 'ballot') continue;
      const b = byId.get(link.ballot_id!);
      byId.delete(link.ballot_id!);
      if (!b || !b.choices || !b.nonce || b.receipt !== link.receipt || receiptOf(d.id, rollKey(d.id, b.entry_id), b.choices, b.nonce) !== link.receipt) {
        at(link.seq, 'edited', `the ballot behind receipt ${link.receipt} no longer gives that receipt`);
      }
    }
    for (const b of byId.values()) at(expected, 'inserted', `ballot ${b.id} has receipt ${b.receipt} but no link in the chain`);
  }
  return { ok: problems.length === 0, entries, problems };
}
