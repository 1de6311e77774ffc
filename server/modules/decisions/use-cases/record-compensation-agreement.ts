import { type Ctx, audit } from '../../../kernel/context.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { AgreementFields } from '../elevator.schemas.ts';
import { decisionFor, wrongStatus } from './decision-access.ts';
import { elevatorOf } from './elevator-shares.ts';
import { type EvidenceForm, storeEvidence } from './evidence-file.ts';
import { OBJECTION_STATUSES } from './record-affected-objection.ts';

/**
 * Settles an affected owner's objection with a compensation agreement (补偿协议): the amount in fen (0 when the owner
 * waives it), the day it was signed, a note, and optionally its signed scan kept as evidence with its SHA-256.
 */
export async function recordCompensationAgreement(ctx: Ctx, id: string, affectedId: string, readForm: () => Promise<EvidenceForm<AgreementFields>>) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: OBJECTION_STATUSES });
  const { fields, upload } = await readForm();
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true });
    const e = d.kind === 'elevator' ? await elevatorOf(tx, d) : undefined;
    if (!e) throw DecisionsErrors.NOT_AN_ELEVATOR();
    if (e.affected_rule !== 'compensation') throw DecisionsErrors.OBJECTION_NOT_APPLICABLE();
    if (!(OBJECTION_STATUSES as readonly string[]).includes(d.status)) throw wrongStatus(d.status);
    const row = await tx.selectFrom('dec_affected').select(['id', 'room_label', 'objection', 'settled_at']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', affectedId).executeTakeFirst();
    if (!row) throw DecisionsErrors.AFFECTED_NOT_FOUND();
    if (row.objection === null) throw DecisionsErrors.OBJECTION_MISSING();
    if (row.settled_at) throw DecisionsErrors.OBJECTION_SETTLED();
    const file = upload ? await storeEvidence(ctx, upload) : null;
    const now = ctx.kernel.clock.now();
    const agreement = { amountFen: fields.amountFen, signedOn: fields.signedOn, note: fields.note ?? '', file };
    await tx.updateTable('dec_affected').set({ agreement: JSON.stringify(agreement), settled_at: now, settled_by: ctx.actor.accountId }).where('street_id', '=', d.street_id).where('id', '=', row.id).execute();
    await audit(tx, ctx, {
      action: 'decisions.affected.settled',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      after: { affectedId: row.id, room: row.room_label, amountFen: fields.amountFen, signedOn: fields.signedOn, sha256: file?.sha256 ?? null },
    });
    return { id: row.id, settledAt: now };
  });
}
