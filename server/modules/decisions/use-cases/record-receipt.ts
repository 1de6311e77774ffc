import { type Ctx, audit } from '../../../kernel/context.ts';
import type { Upload } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';
import { type EvidenceForm, storeEvidence } from './evidence-file.ts';

/** Notice is proved from the roll's publication until the result is published. */
export const NOTICE_STATUSES = ['roll_published', 'open', 'closed', 'published'] as const;

/** 签收回执: an owner signed for the paper notice and materials; the scan of the signed receipt is kept as proof of notice. */
export async function recordReceipt(ctx: Ctx, id: string, readForm: () => Promise<EvidenceForm<{ entryId: string; signedOn: string }>>) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: NOTICE_STATUSES });
  const { fields, upload } = await readForm();
  if (!upload) throw DecisionsErrors.FILE_REQUIRED();
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { status: NOTICE_STATUSES });
    const entry = await tx.selectFrom('dec_roll_entries').select(['id', 'no']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', fields.entryId).where('merged_into', 'is', null).executeTakeFirst();
    if (!entry) throw DecisionsErrors.ENTRY_NOT_FOUND();
    // Stored once everything else holds: a refused receipt leaves no file behind.
    const file = await storeEvidence(ctx, upload);
    const proofId = newId();
    await tx
      .insertInto('dec_proofs')
      .values({ street_id: d.street_id, id: proofId, decision_id: d.id, entry_id: entry.id, kind: 'paper_receipt', on_date: fields.signedOn, file: JSON.stringify(file), recorded_by: ctx.actor.accountId, recorded_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'decisions.receipt.recorded', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { proof: proofId, entry: entry.no, signedOn: fields.signedOn, sha256: file.sha256 } });
    return { id: proofId };
  });
}
