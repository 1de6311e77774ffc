import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../decisions.db.ts';
import { decisionOutcomes } from './draft-for-module.ts';

/**
 * For another module that records what an owners' decision allowed (issue 19 §3: an expense of the open books):
 * the compound's decisions whose result is published, newest first, with their outcome. `ids` narrows it to
 * those decisions (a check that a referred decision is the compound's).
 */
export async function decisionsAt(caller: AnyExecutor, compoundId: string, ids?: readonly string[]) {
  let q = read(caller).selectFrom('dec_decisions').select('id').where('compound_id', '=', compoundId).where('status', '=', 'published');
  if (ids) {
    if (!ids.length) return [];
    q = q.where('id', 'in', [...ids]);
  }
  const found = await q.orderBy('published_at', 'desc').limit(200).execute();
  const outcomes = await decisionOutcomes(caller, found.map((d) => d.id));
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  return found.flatMap((d) => {
    const o = byId.get(d.id);
    return o ? [{ id: o.id, title: o.title, outcome: o.outcome, publishedAt: o.publishedAt }] : [];
  });
}

/**
 * A compound's passed decisions (the result published, every item passed), newest first: what another module
 * cites as the owners' approval of something at the compound (the fees module's maintenance-fund uses, Civil Code
 * art. 278 item 5).
 */
export async function passedDecisionsAt(caller: AnyExecutor, compoundId: string): Promise<{ id: string; title: string; publishedAt: Date }[]> {
  return (await decisionsAt(caller, compoundId)).flatMap((d) => (d.outcome === 'passed' && d.publishedAt ? [{ id: d.id, title: d.title, publishedAt: d.publishedAt }] : []));
}
