import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { SubmitFilingFields } from '../filing.schemas.ts';
import { type EvidenceForm, storeEvidence } from './evidence-file.ts';
import { FilingPolicy, OFFICE_LABEL, filingFor } from './filing-access.ts';
import { buildFilingPackage } from './filing-package.ts';

/** A filing is submitted first while it waits, and again once the office returned it for correction. */
const SUBMITTABLE = ['pending', 'returned'] as const;

/**
 * 提交备案: the owners' committee submits the package with the meeting's minutes (required); the server builds the
 * package, hashes it and counts the version. A returned filing is corrected — new minutes, a note saying what
 * changed — and submitted again as the next version; its history keeps every version's hash. The office is told.
 */
export async function submitFiling(ctx: Ctx, decisionId: string, filingId: string, readForm: () => Promise<EvidenceForm<SubmitFilingFields>>) {
  const first = await filingFor(read(ctx), ctx.actor, filingId, 'submit', { status: SUBMITTABLE });
  if (first.decision_id !== decisionId) throw DecisionsErrors.FILING_NOT_FOUND();
  const { fields, upload } = await readForm();
  if (!upload) throw DecisionsErrors.MINUTES_REQUIRED();
  return write(ctx, async (tx) => {
    const f = await filingFor(tx, ctx.actor, filingId, 'submit', { forUpdate: true, status: SUBMITTABLE });
    const minutes = await storeEvidence(ctx, upload);
    const now = ctx.kernel.clock.now();
    const version = f.version + 1;
    const note = fields.note ?? '';
    const { pkg, hash } = await buildFilingPackage(tx, f, minutes, { version, note, at: now, byName: ctx.actor.name });
    await tx
      .updateTable('dec_filings')
      .set({
        status: 'submitted',
        version,
        package: JSON.stringify(pkg),
        package_hash: hash,
        minutes_key: minutes.key,
        minutes_name: minutes.name,
        minutes_mime: minutes.mime,
        minutes_size: minutes.size,
        note,
        submitted_at: now,
        submitted_by: ctx.actor.accountId,
        submitted_by_name: ctx.actor.name,
        updated_at: now,
      })
      .where('street_id', '=', f.street_id)
      .where('id', '=', f.id)
      .execute();
    await tx.insertInto('dec_filing_events').values({ street_id: f.street_id, id: newId(), filing_id: f.id, action: 'submitted', version, at: now, by: ctx.actor.accountId, by_name: ctx.actor.name, note, package_hash: hash }).execute();
    await audit(tx, ctx, {
      action: 'decisions.filing.submitted',
      placeId: f.place_id,
      subjectType: 'decision',
      subjectId: f.decision_id,
      before: { status: f.status, version: f.version },
      after: { status: 'submitted', version },
      detail: { filing: f.id, office: f.office, packageHash: hash, minutesSha256: minutes.sha256 },
    });
    await notify(tx, ctx, {
      template: 'decisions.filing_submitted',
      placeId: f.place_id,
      to: { roles: FilingPolicy[f.office] },
      data: { title: f.title, id: f.decision_id, filingId: f.id, office: OFFICE_LABEL[f.office].zh, version },
      subject: { type: 'decision', id: f.decision_id },
    });
    return { id: f.id, status: 'submitted' as const, version, packageHash: hash };
  });
}
