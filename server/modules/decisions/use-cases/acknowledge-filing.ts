import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { closeFilingStep } from './review-filing.ts';

/** 确认备案: the receiving office accepts the submitted package as filed; the submitter is told, and the result appears on the compound's public page. */
export async function acknowledgeFiling(ctx: Ctx, filingId: string, body: { note?: string }) {
  return write(ctx, async (tx) => {
    const { f, now } = await closeFilingStep(tx, ctx, filingId, 'acknowledged', body.note ?? '');
    await tx
      .updateTable('dec_filings')
      .set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by: ctx.actor.accountId, acknowledged_by_name: ctx.actor.name, updated_at: now })
      .where('street_id', '=', f.street_id)
      .where('id', '=', f.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.filing.acknowledged',
      placeId: f.place_id,
      subjectType: 'decision',
      subjectId: f.decision_id,
      before: { status: 'submitted' },
      after: { status: 'acknowledged' },
      detail: { filing: f.id, office: f.office, version: f.version, packageHash: f.package_hash },
    });
    return { id: f.id, status: 'acknowledged' as const };
  });
}
