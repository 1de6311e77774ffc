import { sql } from 'kysely';
import { DEFAULT_BANDS, DEFAULT_WEIGHTS, type AssessmentWeights, type ColourBand, type EvaluationKind } from './supervision.assessment.constants.ts';
import type { Executor } from './supervision.db.ts';

/** A street's settings as used: version 0 means the defaults (never saved). */
export interface AssessmentSettings {
  version: number;
  weights: AssessmentWeights;
  bands: ColourBand[];
}

export async function settingsOf(db: Executor, streetId: string): Promise<AssessmentSettings> {
  const row = await db.selectFrom('sup_assessment_settings').select(['version', 'weights', 'bands']).where('street_id', '=', streetId).executeTakeFirst();
  if (!row) return { version: 0, weights: { ...DEFAULT_WEIGHTS }, bands: DEFAULT_BANDS.map((b) => ({ ...b })) };
  return { version: row.version, weights: { ...DEFAULT_WEIGHTS, ...(row.weights as Partial<AssessmentWeights>) }, bands: row.bands };
}

export function periodRow(db: Executor, streetId: string, period: string) {
  return db.selectFrom('sup_assessment_periods').selectAll().where('street_id', '=', streetId).where('period', '=', period);
}

/**
 * A street's period as it stands: a publication whose approval was rejected leaves the period a draft again (the
 * kernel calls the handler only to approve), so it may be recomputed and asked for anew. Locked when `forUpdate`.
 */
export async function livePeriod(db: Executor, streetId: string, period: string, forUpdate = false) {
  const q = periodRow(db, streetId, period);
  const row = await (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  if (!row || row.status !== 'pending' || !row.approval_id) return row;
  const approval = await db.selectFrom('approvals').select('status').where('id', '=', row.approval_id).executeTakeFirst();
  return approval?.status === 'rejected' ? { ...row, status: 'draft' as const } : row;
}

/** A street's evaluations of a period, by compound and kind. */
export async function evaluationsOf(db: Executor, streetId: string, period: string) {
  return db
    .selectFrom('sup_evaluations')
    .select(['compound_id', 'kind', 'score_centi', 'comment', 'evaluator_name', 'updated_at'])
    .where('street_id', '=', streetId)
    .where('period', '=', period)
    .execute();
}

export async function upsertEvaluation(
  db: Executor,
  row: { streetId: string; compoundId: string; period: string; kind: EvaluationKind; scoreCenti: number; comment: string; evaluatorId: string; evaluatorName: string; at: Date },
) {
  await db
    .insertInto('sup_evaluations')
    .values({
      street_id: row.streetId,
      compound_id: row.compoundId,
      period: row.period,
      kind: row.kind,
      score_centi: row.scoreCenti,
      comment: row.comment,
      evaluator_id: row.evaluatorId,
      evaluator_name: row.evaluatorName,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(['street_id', 'period', 'compound_id', 'kind']).doUpdateSet({
        score_centi: row.scoreCenti,
        comment: row.comment,
        evaluator_id: row.evaluatorId,
        evaluator_name: row.evaluatorName,
        updated_at: row.at,
      }),
    )
    .execute();
}
