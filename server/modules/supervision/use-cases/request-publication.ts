import { type ApprovalHandler, requestApproval } from '../../../kernel/approvals/approvals.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { SUPERVISION_ROLES } from '../supervision.constants.ts';
import { AssessmentErrors } from '../supervision.assessment.errors.ts';
import { livePeriod, periodRow } from '../supervision.assessment.repository.ts';
import { type Tx, write } from '../supervision.db.ts';
import { quarter } from './assessment-period.ts';
import { accountOf, streetFor } from './assessment-scope.ts';

export const PUBLISH_ASSESSMENT = 'supervision.assessment_publish';

/**
 * A street official asks to publish a computed period's colours (SUPERVISION_ROLES.publish); ANOTHER street
 * official applies it through the approvals inbox (the kernel refuses the requester: APPROVAL_SELF). From the ask
 * the period is pending — nothing recomputes or re-evaluates it — and once approved it is published and frozen.
 */
export async function requestPublication(ctx: Ctx, input: { streetId: string; period: string }) {
  quarter(input.period);
  return write(ctx, async (tx) => {
    const street = await streetFor(ctx, tx, input.streetId, 'publish');
    const period = await livePeriod(tx, street.id, input.period, true);
    if (!period) throw AssessmentErrors.PERIOD_NOT_COMPUTED();
    if (period.status === 'published') throw AssessmentErrors.PERIOD_PUBLISHED();
    if (period.status === 'pending') throw AssessmentErrors.PERIOD_PENDING();
    const counts = await tx
      .selectFrom('sup_assessments')
      .select(['colour', (eb) => eb.fn.countAll<number>().as('n')])
      .where('street_id', '=', street.id)
      .where('period', '=', input.period)
      .groupBy('colour')
      .execute();
    const n = (c: string) => Number(counts.find((x) => x.colour === c)?.n ?? 0);
    const summary = `公布${street.name} ${input.period} 物业服务四色考评：绿 ${n('green')} · 蓝 ${n('blue')} · 黄 ${n('yellow')} · 红 ${n('red')}`;
    const approval = await requestApproval(tx, ctx, { kind: PUBLISH_ASSESSMENT, placeId: street.id, summary, payload: { streetId: street.id, period: input.period } });
    await tx
      .updateTable('sup_assessment_periods')
      .set({ status: 'pending', approval_id: approval.approvalId, requested_by: accountOf(ctx) })
      .where('street_id', '=', street.id)
      .where('period', '=', input.period)
      .execute();
    await audit(tx, ctx, {
      action: 'supervision.assessment.publish_requested',
      placeId: street.id,
      subjectType: 'sup_assessment_period',
      subjectId: street.id,
      detail: { period: input.period, approvalId: approval.approvalId },
    });
    return { streetId: street.id, period: input.period, status: 'pending' as const, approvalId: approval.approvalId };
  });
}

/** Applied by the second street official: the period becomes published (frozen; residents see their colour). */
export const publishAssessmentApproval: ApprovalHandler = {
  kind: PUBLISH_ASSESSMENT,
  approverRoles: SUPERVISION_ROLES.publish,
  async apply(tx: Tx, ctx: Ctx, payload: { streetId: string; period: string }) {
    const period = await periodRow(tx, payload.streetId, payload.period).forUpdate().executeTakeFirst();
    if (!period) throw AssessmentErrors.PERIOD_NOT_COMPUTED();
    if (period.status === 'published') throw AssessmentErrors.PERIOD_PUBLISHED();
    const at = ctx.kernel.clock.now();
    await tx
      .updateTable('sup_assessment_periods')
      .set({ status: 'published', published_at: at, published_by: accountOf(ctx) })
      .where('street_id', '=', payload.streetId)
      .where('period', '=', payload.period)
      .execute();
    await audit(tx, ctx, {
      action: 'supervision.assessment.published',
      placeId: payload.streetId,
      subjectType: 'sup_assessment_period',
      subjectId: payload.streetId,
      detail: { period: payload.period },
    });
    return { streetId: payload.streetId, period: payload.period, status: 'published' };
  },
};
