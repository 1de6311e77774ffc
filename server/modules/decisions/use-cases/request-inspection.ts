import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../decisions.db.ts';
import type { DECISIONS_ROLES } from '../decisions.constants.ts';
import { decisionForOwner } from './owner-access.ts';

const ORGANISERS: (typeof DECISIONS_ROLES.seeChoices)[number][] = ['owners_committee_member', 'street_official'];

/**
 * An owner asks to inspect the decision's ballots (SPC interpretation on building ownership, art. 13: owners may
 * consult the records of the owners' assembly). The request is recorded and audited; the owners' committee and
 * the street, who hold the records, are told and arrange the inspection.
 */
export async function requestInspection(ctx: Ctx, id: string, input: { reason: string }) {
  const { decision: d } = await decisionForOwner(read(ctx), ctx, id);
  return write(ctx, async (tx) => {
    const inspectionId = newId();
    await tx
      .insertInto('dec_inspections')
      .values({ street_id: d.street_id, id: inspectionId, decision_id: d.id, account_id: ctx.actor.accountId, reason: input.reason, created_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'decisions.inspection.requested', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { inspection: inspectionId } });
    await notify(tx, ctx, {
      template: 'decisions.inspection_requested',
      placeId: d.place_id,
      to: { roles: ORGANISERS },
      data: { title: d.title, id: d.id },
      subject: { type: 'decision', id: d.id },
    });
    return { id: inspectionId };
  });
}
