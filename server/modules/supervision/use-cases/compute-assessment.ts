import { audit, type Ctx } from '../../../kernel/context.ts';
import { verdictsFor } from '../../deliberation/index.ts';
import { ownerRatingsFor } from '../../fees/index.ts';
import { compoundsUnder } from '../../registry/index.ts';
import { repairFiguresFor } from '../../repairs/index.ts';
import { ASSESSMENT_INPUTS, COLOURS, type Colour } from '../supervision.assessment.constants.ts';
import { AssessmentErrors } from '../supervision.assessment.errors.ts';
import { inspectionScoresFor } from './inspection-scores-for.ts';
import { type AssessmentSettings, evaluationsOf, livePeriod, settingsOf } from '../supervision.assessment.repository.ts';
import { assess, type RawInputs } from '../supervision.assessment.scoring.ts';
import { type Executor, write } from '../supervision.db.ts';
import { monthsOf, quarter } from './assessment-period.ts';
import { accountOf, streetFor } from './assessment-scope.ts';

/** One compound's result, ready to store. */
export interface CompoundResult {
  compoundId: string;
  companyId: string;
  companyName: string;
  rooms: number;
  scoreCenti: number | null;
  colour: Colour | null;
  partial: boolean;
  breakdown: object;
}

/**
 * Every compound of a street that has a property company, assessed for the quarter: its inputs read through the
 * other modules' public faces (one grouped query each over the street), then scored exactly (scoring.ts). The
 * repair figures and owner ratings count only the compound's current company (a compound that changed company
 * keeps each company's orders and months apart); verdicts, evaluations and inspections are the compound's.
 */
export async function assessStreet(db: Executor, street: { id: string; path: string }, label: string, settings: AssessmentSettings): Promise<CompoundResult[]> {
  const p = quarter(label);
  const window = { streetId: street.id, from: p.start, to: p.end };
  const compounds = (await compoundsUnder(db, street.id)).filter((c) => c.companyId);
  const [owners, repairs, verdicts, evaluations, inspections] = await Promise.all([
    ownerRatingsFor(db, { streetId: street.id, placePath: street.path, ...monthsOf(p) }),
    repairFiguresFor(db, window),
    verdictsFor(db, window),
    evaluationsOf(db, street.id, label),
    inspectionScoresFor(db, { streetId: street.id, period: label }),
  ]);
  const ownerOf = new Map(owners.map((r) => [`${r.compoundId}|${r.companyId}`, r]));
  const repairOf = new Map(repairs.map((r) => [`${r.compoundId}|${r.companyId}`, r]));
  const verdictOf = new Map(verdicts.map((r) => [r.compoundId, r]));
  const evaluationOf = new Map(evaluations.map((e) => [`${e.compound_id}|${e.kind}`, e]));
  const inspectionOf = new Map(inspections.map((r) => [r.compoundId, r]));
  return compounds.map((c) => {
    const key = `${c.compoundId}|${c.companyId}`;
    const o = ownerOf.get(key);
    const r = repairOf.get(key);
    const v = verdictOf.get(c.compoundId);
    const ev = (kind: 'street' | 'party') => {
      const e = evaluationOf.get(`${c.compoundId}|${kind}`);
      return e ? { scoreCenti: e.score_centi, comment: e.comment, evaluator: e.evaluator_name } : null;
    };
    const i = inspectionOf.get(c.compoundId);
    const raw: RawInputs = {
      ownerRatings: o && o.count > 0 ? { count: o.count, raters: o.raters, sum: Object.values(o.sums).reduce((a, b) => a + b, 0) } : null,
      repairSatisfaction: r && r.rated > 0 ? { rated: r.rated, ratingSum: r.ratingSum } : null,
      repairService: r && r.reported > 0 ? { reported: r.reported, respondedOnTime: r.respondedOnTime, finished: r.finished, overdue: r.overdue } : null,
      residentVerdicts: v && v.ratings > 0 ? { items: v.items, ratings: v.ratings, scoreSum: v.scoreSum } : null,
      streetEvaluation: ev('street'),
      partyEvaluation: ev('party'),
      inspections: i && i.inspections > 0 ? { inspections: i.inspections, scoreSumCenti: i.scoreSumCenti } : null,
    };
    const a = assess(raw, settings.weights, settings.bands);
    return {
      compoundId: c.compoundId,
      companyId: c.companyId!,
      companyName: c.companyName ?? '',
      rooms: c.rooms,
      scoreCenti: a.scoreCenti,
      colour: a.colour,
      partial: a.partial,
      breakdown: { period: label, settingsVersion: settings.version, presentWeight: a.presentWeight, inputs: a.lines },
    };
  });
}

/**
 * Computes a street's assessment of a quarter (SUPERVISION_ROLES.assessmentManage): every compound with a company
 * scored with the street's current settings, replacing the period's draft results. A period whose publication
 * waits for approval (409) or is published (409, frozen) is not touched; a quarter not yet begun is refused.
 * Synchronous: one grouped query per input over the street (the bench times 100 compounds a street).
 */
export async function computeAssessment(ctx: Ctx, input: { streetId: string; period: string }) {
  const p = quarter(input.period);
  if (p.start.getTime() > ctx.kernel.clock.now().getTime()) throw AssessmentErrors.PERIOD_NOT_STARTED();
  return write(ctx, async (tx) => {
    const street = await streetFor(ctx, tx, input.streetId, 'assessmentManage');
    const now = ctx.kernel.clock.now();
    const settings = await settingsOf(tx, street.id);
    const snapshot = JSON.stringify({ version: settings.version, weights: settings.weights, bands: settings.bands });
    // The row first, then its lock: two officials computing at once take turns instead of colliding on the key.
    await tx
      .insertInto('sup_assessment_periods')
      .values({ street_id: street.id, period: input.period, status: 'draft', settings_version: settings.version, settings: snapshot, computed_at: now, computed_by: accountOf(ctx) })
      .onConflict((oc) => oc.columns(['street_id', 'period']).doNothing())
      .execute();
    const period = (await livePeriod(tx, street.id, input.period, true))!;
    if (period.status === 'published') throw AssessmentErrors.PERIOD_PUBLISHED();
    if (period.status === 'pending') throw AssessmentErrors.PERIOD_PENDING();
    const results = await assessStreet(tx, street, input.period, settings);
    await tx.deleteFrom('sup_assessments').where('street_id', '=', street.id).where('period', '=', input.period).execute();
    await tx
      .updateTable('sup_assessment_periods')
      .set({ status: 'draft', approval_id: null, requested_by: null, settings_version: settings.version, settings: snapshot, computed_at: now, computed_by: accountOf(ctx) })
      .where('street_id', '=', street.id)
      .where('period', '=', input.period)
      .execute();
    for (let i = 0; i < results.length; i += 500) {
      await tx
        .insertInto('sup_assessments')
        .values(
          results.slice(i, i + 500).map((r) => ({
            street_id: street.id,
            period: input.period,
            compound_id: r.compoundId,
            company_id: r.companyId,
            company_name: r.companyName,
            rooms: r.rooms,
            score_centi: r.scoreCenti,
            colour: r.colour,
            partial: r.partial,
            breakdown: JSON.stringify(r.breakdown),
            computed_at: now,
          })),
        )
        .execute();
    }
    const distribution = Object.fromEntries([...COLOURS, 'none'].map((c) => [c, results.filter((r) => (r.colour ?? 'none') === c).length]));
    await audit(tx, ctx, {
      action: 'supervision.assessment.computed',
      placeId: street.id,
      subjectType: 'sup_assessment_period',
      subjectId: street.id,
      detail: { period: input.period, settingsVersion: settings.version, compounds: results.length, partial: results.filter((r) => r.partial).length, distribution },
    });
    return { streetId: street.id, period: input.period, status: 'draft' as const, compounds: results.length, distribution, inputs: ASSESSMENT_INPUTS };
  });
}
