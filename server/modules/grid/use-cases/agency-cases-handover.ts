import { audit, type Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { AGENCY_HANDOVER_ZH } from '../grid.agency.constants.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import type { HandoverBody } from '../grid.agency.schemas.ts';
import { write } from '../grid.db.ts';
import { addStep, caseToHandle, tellApplicant, todayOf } from './agency-access.ts';

/** 交付: the result is handed over (in person, or delivered home) on a day from the result's day to today: completed. */
export async function handOver(ctx: Ctx, id: string, body: HandoverBody): Promise<{ id: string; status: 'completed'; onTime: boolean; payFen: number }> {
  return write(ctx, async (tx) => {
    const { kase } = await caseToHandle(tx, ctx, id, ['result'], { zh: '交付', en: 'handed over' });
    const today = todayOf(ctx);
    const day = body.day ?? today;
    if (day > today || (kase.resultAt && day < chinaDay(kase.resultAt))) throw AgencyErrors.AGENCY_HANDOVER_DAY_INVALID();
    const service = await tx.selectFrom('grid_agency_services').select('pay_fen').where('street_id', '=', kase.streetId).where('id', '=', kase.serviceId).executeTakeFirstOrThrow();
    const now = ctx.kernel.clock.now();
    const onTime = today <= kase.dueOn;
    await tx
      .updateTable('grid_agency_cases')
      .set({ status: 'completed', handed_over_on: day, handover: body.how, completed_at: now, on_time: onTime, pay_fen: service.pay_fen, updated_at: now })
      .where('street_id', '=', kase.streetId)
      .where('id', '=', id)
      .execute();
    await addStep(tx, ctx, kase, 'completed', [`${day} ${AGENCY_HANDOVER_ZH[body.how]}`, body.note].filter(Boolean).join('；'));
    await tellApplicant(tx, ctx, kase, 'grid.agency.completed', { day, how: AGENCY_HANDOVER_ZH[body.how], howEn: body.how === 'in_person' ? 'in person' : 'delivered home' });
    await audit(tx, ctx, { action: 'grid.agency.case_completed', placeId: kase.compoundId, subjectType: 'grid_agency_case', subjectId: id, detail: { no: kase.no, day, how: body.how, onTime, payFen: service.pay_fen } });
    return { id, status: 'completed' as const, onTime, payFen: service.pay_fen };
  });
}
