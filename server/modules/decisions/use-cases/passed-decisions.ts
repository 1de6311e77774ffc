import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../decisions.db.ts';
import { decisionOutcomes } from './draft-for-module.ts';

/**
 * A compound's passed owners' decisions (the result published, every item passed — as decisionOutcomes has it),
 * newest first: what another module may cite as the owners' approval of something at the compound (the fees
 * module's maintenance-fund uses, Civil Code art. 278 item 5).
 */
export async function passedDecisionsAt(db: AnyExecutor, compoundId: string): Promise<{ id: string; title: string; publishedAt: Date }[]> {
  const rows = await read(db).selectFrom('dec_decisions').select('id').where('compound_id', '=', compoundId).where('status', '=', 'published').execute();
  const outcomes = await decisionOutcomes(db, rows.map((r) => r.id));
  return outcomes
    .filter((o) => o.outcome === 'passed' && o.publishedAt)
    .map((o) => ({ id: o.id, title: o.title, publishedAt: o.publishedAt! }))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}
