import type { SubsidyOutcome } from '../supervision.subsidy.constants.ts';
import { subsidyAmount } from '../supervision.subsidy.amount.ts';
import { listedFor, policyFor, policyVersions, type SubsidyPolicy } from '../supervision.subsidy.repository.ts';
import type { Executor } from '../supervision.db.ts';
import { publishedAssessmentsFor } from './published-assessments-for.ts';

/** A listed compound's standing for a quarter: its published score, whether it meets the standard and why not, and what it earns. */
export interface SubsidyOutcomeRow {
  compoundId: string;
  compoundName: string;
  path: string;
  outcome: SubsidyOutcome;
  scoreCenti: number | null;
  companyId: string | null;
  companyName: string | null;
  rooms: number | null;
  quantity: number;
  unitFen: number;
  amountFen: number;
  capped: boolean;
}

/**
 * The rule of 达标补贴 for a street's quarter, one row per compound listed for it: a compound earns the subsidy
 * when the policy applying to the quarter exists, the street's assessment of the quarter is PUBLISHED, and the
 * compound's published score is at least the threshold (score_centi ≥ threshold_centi); it earns its rooms (as
 * assessed) × the rate, at most the cap. Not listed → no row at all. The payout kind's lines are its `meets` rows.
 */
export async function subsidyOutcomes(db: Executor, streetId: string, period: string): Promise<{ policy: SubsidyPolicy | null; published: boolean; rows: SubsidyOutcomeRow[] }> {
  const [versions, listed, assessed] = await Promise.all([policyVersions(db, streetId), listedFor(db, streetId, period), publishedAssessmentsFor(db, streetId, period)]);
  const policy = policyFor(versions, period);
  const rows = listed.map((l): SubsidyOutcomeRow => {
    const a = assessed.results.find((r) => r.compoundId === l.compoundId);
    const base = { compoundId: l.compoundId, compoundName: l.compoundName, path: l.path, scoreCenti: a?.scoreCenti ?? null, companyId: a?.companyId ?? null, companyName: a?.companyName ?? null, rooms: a?.rooms ?? null, quantity: 0, unitFen: 0, amountFen: 0, capped: false };
    if (!policy) return { ...base, outcome: 'no_policy' };
    if (!assessed.published) return { ...base, outcome: 'unpublished' };
    if (!a) return { ...base, outcome: 'not_assessed' };
    if (a.scoreCenti === null) return { ...base, outcome: 'no_score' };
    if (a.scoreCenti < policy.thresholdCenti) return { ...base, outcome: 'below' };
    return { ...base, outcome: 'meets', ...subsidyAmount(a.rooms, policy.rateFen, policy.capFen) };
  });
  return { policy, published: assessed.published, rows };
}
