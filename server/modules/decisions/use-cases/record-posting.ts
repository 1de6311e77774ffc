import { type Ctx, audit } from '../../../kernel/context.ts';
import type { Upload } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';
import { type EvidenceForm, storeEvidence } from './evidence-file.ts';
import { NOTICE_STATUSES } from './record-receipt.ts';

/** 公告张贴: the notice posted in a public place (a lobby, the notice board), with its photo and date, as proof of notice to all. */
export async function recordPosting(ctx: Ctx, id: string, readForm: () => Promise<EvidenceForm<{ postedOn: string; location: string }>>) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: NOTICE_STATUSES });
  const { fields, upload } = await readForm();
  if (!upload) throw DecisionsErrors.FILE_REQUIRED();
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { status: NOTICE_STATUSES });
    const file = await storeEvidence(ctx, upload);
    const proofId = newId();
    await tx
      .insertInto('dec_proofs')
      .values({
        street_id: d.street_id,
        id: proofId,
        decision_id: d.id,
        entry_id: null,
        kind: 'public_posting',
        on_date: fields.postedOn,
        location: fields.location,
        file: JSON.stringify(file),
        recorded_by: ctx.actor.accountId,
        recorded_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'decisions.posting.recorded', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { proof: proofId, postedOn: fields.postedOn, location: fields.location, sha256: file.sha256 } });
    return { id: proofId };
  });
}
