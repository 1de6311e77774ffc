import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { compoundsUnder } from '../../registry/index.ts';
import { livePeriod } from '../supervision.assessment.repository.ts';
import type { ScopePeriodQuery } from '../supervision.assessment.schemas.ts';
import { read } from '../supervision.db.ts';
import { allows, holdsAnywhere } from '../supervision.policy.ts';
import { quarter } from './assessment-period.ts';
import { scopePath, streetsInScope } from './assessment-scope.ts';

/**
 * The evaluation entry page: every compound with a company that the actor sees, with the street's and the party
 * organisation's evaluations of the period and whether the actor may enter each. Officials and the company read it
 * (a company sees what it was given); only the evaluators write.
 */
export async function listEvaluations(ctx: Ctx, q: ScopePeriodQuery) {
  if (!holdsAnywhere(ctx.actor, 'assessmentRead')) throw CommonErrors.FORBIDDEN();
  quarter(q.period);
  const under = await scopePath(ctx, q.placeId);
  const db = read(ctx);
  const out = [];
  for (const street of await streetsInScope(ctx, under)) {
    const compounds = (await compoundsUnder(db, street.id, under && under.startsWith(street.path) ? under : undefined)).filter((c) => c.companyId && allows(ctx.actor, 'assessmentRead', c.path));
    if (!compounds.length) continue;
    const evaluations = await db
      .selectFrom('sup_evaluations')
      .select(['compound_id', 'kind', 'score_centi as scoreCenti', 'comment', 'evaluator_name as evaluator', 'updated_at as updatedAt'])
      .where('street_id', '=', street.id)
      .where('period', '=', q.period)
      .where('compound_id', 'in', compounds.map((c) => c.compoundId))
      .execute();
    const period = await livePeriod(db, street.id, q.period);
    for (const c of compounds) {
      const of = (kind: 'street' | 'party') => {
        const e = evaluations.find((x) => x.compound_id === c.compoundId && x.kind === kind);
        return e ? { scoreCenti: e.scoreCenti, comment: e.comment, evaluator: e.evaluator, updatedAt: e.updatedAt } : null;
      };
      out.push({
        compoundId: c.compoundId,
        compoundName: c.name,
        companyName: c.companyName,
        streetId: street.id,
        frozen: period?.status === 'published' || period?.status === 'pending',
        street: of('street'),
        party: of('party'),
        can: { street: allows(ctx.actor, 'evaluateStreet', c.path), party: allows(ctx.actor, 'evaluateParty', c.path) },
      });
    }
  }
  return { period: q.period, items: out, total: out.length };
}
