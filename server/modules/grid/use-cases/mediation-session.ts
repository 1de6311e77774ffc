import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { SessionBody } from '../grid.mediation.schemas.ts';
import { accountOf, addStep, caseToAct, todayOf } from './mediation-access.ts';

/** 记录调解: an assigned mediator records a session (day — today by default, not in the future — place, attendees, notes); the first moves the case 调解中. Audited (not the notes). */
export async function recordSession(ctx: Ctx, id: string, body: SessionBody): Promise<{ id: string; sessionId: string; status: 'in_session' }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'mediator', ['accepted', 'in_session'], { zh: '记录调解', en: 'have a session recorded' });
    const today = todayOf(ctx);
    const heldOn = body.heldOn ?? today;
    if (heldOn > today) throw MediationErrors.MEDIATION_SIGNED_DAY_INVALID();
    const sessionId = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('grid_mediation_sessions')
      .values({ street_id: kase.streetId, id: sessionId, case_id: id, held_on: heldOn, location: body.location ?? '', attendees: body.attendees ?? '', notes: body.notes, by_account: accountOf(ctx) })
      .execute();
    await tx.updateTable('grid_mediation_cases').set({ status: 'in_session', updated_at: now }).where('street_id', '=', kase.streetId).where('id', '=', id).execute();
    await addStep(tx, ctx, kase, 'session', heldOn);
    await audit(tx, ctx, { action: 'grid.mediation.session_recorded', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, heldOn } });
    return { id, sessionId, status: 'in_session' as const };
  });
}
