import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { StoredFile } from '../decisions.tables.ts';
import { decisionFor } from './decision-access.ts';
import { evidenceContent } from './evidence-file.ts';

/**
 * A file kept as evidence of a decision: a paper ballot's scan, a proxy's power of attorney, a signed receipt or a
 * posting's photo — for those who organise the decision (who enter and check them).
 */
export async function getEvidence(ctx: Ctx, id: string, kind: 'scan' | 'poa' | 'proof', recordId: string) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'organise');
  let file: StoredFile | null | undefined;
  if (kind === 'scan') {
    file = (await db.selectFrom('dec_ballots').select('scan').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', recordId).executeTakeFirst())?.scan;
  } else if (kind === 'poa') {
    file = (await db.selectFrom('dec_proxies').select('poa').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', recordId).executeTakeFirst())?.poa;
  } else {
    file = (await db.selectFrom('dec_proofs').select('file').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', recordId).executeTakeFirst())?.file;
  }
  const found = file && (await evidenceContent(ctx, file));
  if (!found) throw DecisionsErrors.FILE_NOT_FOUND();
  return found;
}
