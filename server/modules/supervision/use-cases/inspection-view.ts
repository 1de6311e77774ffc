import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../supervision.db.ts';
import { type InspectionRow, entriesOf, filesOf, itemsOf, sheetStructure } from '../supervision.sheets.repository.ts';
import { allows } from '../supervision.policy.ts';
import { isFinding, scoreInspection } from './sheet-score.ts';

/**
 * An inspection as its page shows it: the sheet's sections and indicators with what was entered, the evidence files,
 * the points credited and the score with its breakdown — for a draft, the score it would get if submitted now.
 */
export async function inspectionView(db: Executor, ctx: Ctx, row: InspectionRow) {
  const [{ sections, indicators }, items, files, entries] = await Promise.all([sheetStructure(db, row.sheet_id), itemsOf(db, row.id), filesOf(db, row.id), entriesOf(db, row.id)]);
  const score = scoreInspection(sections, indicators, entries);
  const itemOf = new Map(items.map((i) => [i.indicatorId, i]));
  const breakdownOf = new Map(score.items.map((i) => [i.indicatorId, i]));
  const sectionScore = new Map(score.sections.map((s) => [s.sectionId, s]));
  const inspects = allows(ctx.actor, 'inspect', row.compoundPath);
  const submitted = row.status === 'submitted';
  const missing = indicators.filter((ind) => {
    const it = itemOf.get(ind.id);
    return !it || (ind.method === 'points' && it.awardedCenti === null) || (ind.method === 'yes_no' && it.met === null);
  });
  return {
    id: row.id,
    compoundId: row.place_id,
    compoundName: row.compoundName,
    companyId: row.company_id,
    sheetId: row.sheet_id,
    sheetName: row.sheetName,
    sheetKind: row.sheetKind,
    sheetVersion: row.sheetVersion,
    period: row.period,
    inspectorName: row.inspector_name,
    status: row.status,
    note: row.note,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    /** The stored score once submitted; a draft's would-be score otherwise. */
    scoreCenti: submitted ? row.score_centi : score.scoreCenti,
    missingCodes: missing.map((m) => m.code),
    sections: sections.map((s) => ({
      ...sectionScore.get(s.id)!,
      id: s.id,
      name: s.name,
      indicators: indicators
        .filter((i) => i.sectionId === s.id)
        .map((ind) => {
          const it = itemOf.get(ind.id);
          const b = breakdownOf.get(ind.id)!;
          const entry = { awardedCenti: it?.awardedCenti ?? null, findings: it?.findings ?? 0, met: it?.met ?? null };
          return {
            id: ind.id,
            code: ind.code,
            name: ind.name,
            guidance: ind.guidance,
            method: ind.method,
            maxCenti: ind.maxCenti,
            deductionCenti: ind.deductionCenti,
            evidence: ind.evidence,
            ...entry,
            note: it?.note ?? '',
            enteredCenti: b.enteredCenti,
            creditedCenti: submitted ? (it?.creditedCenti ?? 0) : b.creditedCenti,
            evidenceMissing: b.evidenceMissing,
            finding: isFinding(ind, entry),
            files: files.filter((f) => f.indicatorId === ind.id).map(({ indicatorId: _i, ...f }) => f),
          };
        }),
    })),
    can: { edit: !submitted && inspects, submit: !submitted && inspects, issueNotice: submitted && allows(ctx.actor, 'noticesIssue', row.compoundPath) },
  };
}
export type InspectionView = Awaited<ReturnType<typeof inspectionView>>;
