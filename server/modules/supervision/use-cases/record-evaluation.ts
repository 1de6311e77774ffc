import { audit, type Ctx } from '../../../kernel/context.ts';
import { AssessmentErrors } from '../supervision.assessment.errors.ts';
import { livePeriod, upsertEvaluation } from '../supervision.assessment.repository.ts';
import type { EvaluationBody } from '../supervision.assessment.schemas.ts';
import { write } from '../supervision.db.ts';
import { quarter } from './assessment-period.ts';
import { compoundFor } from './assessment-scope.ts';

/**
 * The street's (SUPERVISION_ROLES.evaluateStreet) or the community party organisation's (evaluateParty) evaluation
 * of a compound's property service for a quarter: 0–100 with a comment; entered again, it replaces the earlier one.
 * Frozen with the period once its publication is asked for or done (409).
 */
export async function recordEvaluation(ctx: Ctx, input: EvaluationBody) {
  const p = quarter(input.period);
  if (p.start.getTime() > ctx.kernel.clock.now().getTime()) throw AssessmentErrors.PERIOD_NOT_STARTED();
  const permission = input.kind === 'street' ? 'evaluateStreet' : 'evaluateParty';
  return write(ctx, async (tx) => {
    const compound = await compoundFor(ctx, tx, input.compoundId, permission);
    const period = await livePeriod(tx, compound.street_id, input.period, true);
    if (period?.status === 'published') throw AssessmentErrors.PERIOD_PUBLISHED();
    if (period?.status === 'pending') throw AssessmentErrors.PERIOD_PENDING();
    const at = ctx.kernel.clock.now();
    await upsertEvaluation(tx, {
      streetId: compound.street_id,
      compoundId: compound.id,
      period: input.period,
      kind: input.kind,
      scoreCenti: input.scoreCenti,
      comment: input.comment,
      evaluatorId: ctx.actor.accountId,
      evaluatorName: ctx.actor.name,
      at,
    });
    await audit(tx, ctx, {
      action: 'supervision.assessment.evaluated',
      placeId: compound.id,
      subjectType: 'sup_evaluation',
      subjectId: compound.id,
      after: { period: input.period, kind: input.kind, scoreCenti: input.scoreCenti, comment: input.comment },
      detail: { period: input.period, kind: input.kind },
    });
    return { compoundId: compound.id, period: input.period, kind: input.kind, scoreCenti: input.scoreCenti, comment: input.comment, evaluator: ctx.actor.name, updatedAt: at };
  });
}
