import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { TREND_PERIODS } from '../supervision.assessment.constants.ts';
import type { ScopePeriodQuery } from '../supervision.assessment.schemas.ts';
import { holdsAnywhere } from '../supervision.policy.ts';
import { quarter, quarterBack } from './assessment-period.ts';
import { scopePath } from './assessment-scope.ts';
import { companyRollUps } from './company-rollups.ts';

/** Each company's roll-up over the last periods up to `period` (oldest first; null where not assessed). */
export async function getCompanyTrend(ctx: Ctx, q: ScopePeriodQuery) {
  if (!holdsAnywhere(ctx.actor, 'assessmentRead')) throw CommonErrors.FORBIDDEN();
  quarter(q.period);
  const under = await scopePath(ctx, q.placeId);
  const periods = Array.from({ length: TREND_PERIODS }, (_, i) => quarterBack(q.period, TREND_PERIODS - 1 - i));
  const rollUps = await companyRollUps(ctx, periods, under);
  const companies = new Map<string, { streetId: string; companyId: string; companyName: string; points: (number | null)[] }>();
  for (const r of rollUps) {
    const key = `${r.streetId}|${r.companyId}`;
    const c = companies.get(key) ?? { streetId: r.streetId, companyId: r.companyId, companyName: r.companyName, points: periods.map(() => null) };
    c.points[periods.indexOf(r.period)] = r.scoreCenti;
    companies.set(key, c);
  }
  return { periods, companies: [...companies.values()] };
}
