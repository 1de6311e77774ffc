import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { FollowupBody } from '../grid.mediation.schemas.ts';
import { addStep, caseToAct, todayOf } from './mediation-access.ts';

/** 回访: after an agreement, an assigned mediator or the manager records a follow-up visit (day, visitor, whether the agreement is being performed, a note). Audited. */
export async function recordFollowup(ctx: Ctx, id: string, body: FollowupBody): Promise<{ id: string; followupId: string }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToAct(tx, ctx, id, 'either', ['agreed'], { zh: '登记回访', en: 'followed up' });
    if (body.visitedOn > todayOf(ctx)) throw MediationErrors.CONFIRMATION_DAY_INVALID();
    const followupId = newId();
    await tx.insertInto('grid_mediation_followups').values({ street_id: kase.streetId, id: followupId, case_id: id, visited_on: body.visitedOn, visitor: body.visitor, performed: body.performed, note: body.note ?? '' }).execute();
    await addStep(tx, ctx, kase, 'followup', `${body.visitedOn} ${body.visitor}：${body.performed ? '协议已履行' : '协议未履行'}`);
    await audit(tx, ctx, { action: 'grid.mediation.followed_up', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, performed: body.performed } });
    return { id, followupId };
  });
}
