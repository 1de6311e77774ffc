import type { Executor } from './supervision.db.ts';

export interface SubsidyPolicy {
  fromPeriod: string;
  thresholdCenti: number;
  rateFen: number;
  capFen: number;
  note: string;
  createdAt: Date;
}

/** A street's policy versions, newest first. */
export async function policyVersions(db: Executor, streetId: string): Promise<SubsidyPolicy[]> {
  return db
    .selectFrom('sup_subsidy_policies')
    .select(['from_period as fromPeriod', 'threshold_centi as thresholdCenti', 'rate_fen as rateFen', 'cap_fen as capFen', 'note', 'created_at as createdAt'])
    .where('street_id', '=', streetId)
    .orderBy('from_period', 'desc')
    .execute();
}

/** The version applying to a quarter: the latest whose first quarter is not after it ('YYYY-Qn' labels order as quarters do). */
export const policyFor = (versions: SubsidyPolicy[], period: string): SubsidyPolicy | null => versions.find((v) => v.fromPeriod <= period) ?? null;

/** The compounds listed for a quarter (from ≤ quarter ≤ to), with their place. */
export function listedFor(db: Executor, streetId: string, period: string) {
  return db
    .selectFrom('sup_subsidy_compounds as s')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
    .select(['s.compound_id as compoundId', 'c.name as compoundName', 'c.path', 's.from_period as fromPeriod', 's.to_period as toPeriod'])
    .where('s.street_id', '=', streetId)
    .where('s.from_period', '<=', period)
    .where((eb) => eb.or([eb('s.to_period', 'is', null), eb('s.to_period', '>=', period)]))
    .orderBy('c.path')
    .execute();
}
