import type { Ctx } from '../../../kernel/context.ts';
import { RectificationErrors } from '../supervision.rectification.errors.ts';
import { changeNotice, checkEvidence, recordNoticeChange, storeEvidence, type Upload, withEvidence } from './notice-access.ts';

/**
 * The company (property manager or staff with a grant on the notice's place) answers with its fix: a text and at
 * least one photo or document. The notice then waits for the issuer's verification.
 */
export async function respondNotice(ctx: Ctx, id: string, input: { text: string }, uploads: Upload[]): Promise<void> {
  const files = checkEvidence(uploads);
  await withEvidence(ctx, (written) =>
    changeNotice(ctx, id, 'respond', async (tx, notice, now) => {
      if (files.length === 0) throw RectificationErrors.EVIDENCE_REQUIRED();
      await tx.updateTable('sup_notices').set({ status: 'responded', responded_at: now, updated_at: now }).where('street_id', '=', notice.street_id).where('id', '=', notice.id).execute();
      await storeEvidence(tx, ctx, { streetId: notice.street_id, noticeId: notice.id, round: notice.round, stage: 'response', at: now }, files, written);
      await recordNoticeChange(tx, ctx, notice, now, 'responded', { note: input.text, detail: { files: files.length, late: now >= notice.due_at } });
    }),
  );
}
