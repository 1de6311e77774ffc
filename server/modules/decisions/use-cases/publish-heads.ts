import type { Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { read } from '../decisions.db.ts';

/**
 * Publishes the chain head of every open decision whose head moved since it was last published — at least hourly,
 * as the public board promises — so a head once shown can be held against the chain later.
 */
export async function publishChainHeads(kernel: Kernel): Promise<{ published: number }> {
  const db = read(kernel);
  const now = kernel.clock.now();
  const open = await db.selectFrom('dec_decisions').select(['street_id', 'id', 'manifest_hash']).where('status', '=', 'open').where('manifest_hash', 'is not', null).execute();
  let published = 0;
  for (const d of open) {
    const [tip, last] = await Promise.all([
      db.selectFrom('dec_chain').select(['seq', 'hash']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('seq', 'desc').limit(1).executeTakeFirst(),
      db.selectFrom('dec_chain_heads').select(['seq']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('published_at', 'desc').limit(1).executeTakeFirst(),
    ]);
    const head = tip ?? { seq: 0, hash: d.manifest_hash! };
    if (last && last.seq === head.seq) continue;
    await db.insertInto('dec_chain_heads').values({ street_id: d.street_id, decision_id: d.id, seq: head.seq, hash: head.hash, published_at: now }).onConflict((oc) => oc.doNothing()).execute();
    published++;
  }
  return { published };
}

export const publishHeadsJob: Job = { name: 'decisions.publish-heads', everyMs: 60 * 60_000, run: publishChainHeads };
