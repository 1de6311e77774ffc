import { audit, type Ctx } from '../../../kernel/context.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import type { AnswerBody } from '../grid.emergency.schemas.ts';
import { write } from '../grid.db.ts';
import { accountOf, activeDeclaration, declarationById } from './emergency-access.ts';
import { placeVolunteers } from './emergency-visitors.ts';

/**
 * A volunteer answers a call-up on the H5: accepting takes a slot in one conditional update (`taken < slots`), so at
 * most N accept and the next is CALL_UP_FULL; declining takes none. One answer per volunteer. Only approved volunteers
 * of the place (NOT_A_VOLUNTEER), only while the emergency is active. Audited.
 */
export async function answerCallUp(ctx: Ctx, callUpId: string, body: AnswerBody): Promise<{ id: string; answer: string; taken: number }> {
  return write(ctx, async (tx) => {
    const c = await tx.selectFrom('grid_emergency_callups').select(['street_id as streetId', 'declaration_id as declarationId', 'slots']).where('id', '=', callUpId).executeTakeFirst();
    if (!c) throw EmergencyErrors.CALL_UP_NOT_FOUND();
    const personId = ctx.actor.personId;
    const d0 = await declarationById(tx, c.declarationId);
    const me = personId && d0 ? (await placeVolunteers(tx, d0)).find((v) => v.personId === personId) : undefined;
    if (!me) throw EmergencyErrors.NOT_A_VOLUNTEER();
    const d = await activeDeclaration(tx, c.declarationId);
    const inserted = await tx
      .insertInto('grid_emergency_callup_answers')
      .values({ street_id: c.streetId, callup_id: callUpId, person_id: me.personId, account_id: accountOf(ctx), name: me.name, answer: body.answer, at: ctx.kernel.clock.now() })
      .onConflict((oc) => oc.columns(['street_id', 'callup_id', 'person_id']).doNothing())
      .returning('person_id')
      .executeTakeFirst();
    if (!inserted) throw EmergencyErrors.CALL_UP_ANSWERED();
    let taken: number;
    if (body.answer === 'accepted') {
      const slot = await tx
        .updateTable('grid_emergency_callups')
        .set((eb) => ({ taken: eb('taken', '+', 1) }))
        .where('street_id', '=', c.streetId)
        .where('id', '=', callUpId)
        .whereRef('taken', '<', 'slots')
        .returning('taken')
        .executeTakeFirst();
      if (!slot) throw EmergencyErrors.CALL_UP_FULL();
      taken = slot.taken;
    } else {
      taken = (await tx.selectFrom('grid_emergency_callups').select('taken').where('street_id', '=', c.streetId).where('id', '=', callUpId).executeTakeFirstOrThrow()).taken;
    }
    await audit(tx, ctx, { action: body.answer === 'accepted' ? 'grid.emergency.call_up_accepted' : 'grid.emergency.call_up_declined', placeId: d.placeId, subjectType: 'grid_emergency_callup', subjectId: callUpId, detail: { taken, slots: c.slots } });
    return { id: callUpId, answer: body.answer, taken };
  });
}
