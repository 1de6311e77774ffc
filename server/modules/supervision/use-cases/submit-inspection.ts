import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../supervision.db.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { entriesOf, findInspection, lockInspection, sheetStructure } from '../supervision.sheets.repository.ts';
import type { SubmitInspectionBody } from '../supervision.sheets.schemas.ts';
import { workableInspection } from './inspection-access.ts';
import { inspectionView } from './inspection-view.ts';
import { scoreInspection } from './sheet-score.ts';

/**
 * Submits a draft inspection: every indicator must be filled in (points awarded, met or not; deductions count 0
 * findings unless told) — an indicator forgotten is not silently a zero. Computes each indicator's credited points
 * (0 where the required evidence is missing) and the score, exactly and rounded once (sheet-score.ts), and freezes
 * the inspection: from now on it answers 409 to every change. The assessment reads submitted inspections only.
 */
export async function submitInspection(ctx: Ctx, id: string, body: SubmitInspectionBody) {
  return write(ctx, async (tx) => {
    if (!(await lockInspection(tx, id))) throw SheetErrors.INSPECTION_NOT_FOUND();
    const row = await workableInspection(tx, ctx, id);
    const { sections, indicators } = await sheetStructure(tx, row.sheet_id);
    const entries = await entriesOf(tx, id);
    const missing = indicators.filter((ind) => {
      const e = entries.get(ind.id);
      return !e || (ind.method === 'points' && e.awardedCenti === null) || (ind.method === 'yes_no' && e.met === null);
    });
    if (missing.length > 0) {
      const codes = missing.map((m) => m.code);
      throw SheetErrors.INSPECTION_INCOMPLETE({ count: codes.length, codes: codes.slice(0, 8).join('、') + (codes.length > 8 ? '…' : '') }, { codes });
    }
    const score = scoreInspection(sections, indicators, entries);
    const now = ctx.kernel.clock.now();
    for (const item of score.items) {
      await tx
        .updateTable('sup_inspection_items')
        .set({ credited_points: item.creditedCenti, updated_at: now })
        .where('street_id', '=', row.street_id)
        .where('inspection_id', '=', id)
        .where('indicator_id', '=', item.indicatorId)
        .execute();
    }
    await tx
      .updateTable('sup_inspections')
      .set({ status: 'submitted', score_centi: score.scoreCenti, submitted_at: now, ...(body.note !== undefined ? { note: body.note } : {}) })
      .where('street_id', '=', row.street_id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, {
      action: 'supervision.inspection.submitted',
      placeId: row.place_id,
      subjectType: 'sup_inspection',
      subjectId: id,
      after: { scoreCenti: score.scoreCenti, period: row.period, sheetId: row.sheet_id },
      detail: { evidenceMissing: score.items.filter((i) => i.evidenceMissing).length },
    });
    return inspectionView(tx, ctx, (await findInspection(tx, id))!);
  });
}
