import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../supervision.db.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { lockInspection } from '../supervision.sheets.repository.ts';
import type { SaveItemBody } from '../supervision.sheets.schemas.ts';
import { workableInspection } from './inspection-access.ts';
import { inspectionView } from './inspection-view.ts';

const METHOD_ZH = { points: '打分', deduction: '扣分', yes_no: '是否达标' } as const;

/**
 * Records one indicator's entry of a draft inspection: the points awarded (points, 0..max — more is 400), the problems
 * found (deduction) or whether it is met (yes/no), and a note. A field of another method is refused (400), so a form
 * that mixed them up cannot leave a value the score silently ignores.
 */
export async function saveInspectionItem(ctx: Ctx, id: string, indicatorId: string, body: SaveItemBody) {
  return write(ctx, async (tx) => {
    if (!(await lockInspection(tx, id))) throw SheetErrors.INSPECTION_NOT_FOUND();
    const row = await workableInspection(tx, ctx, id);
    const ind = await tx
      .selectFrom('sup_sheet_indicators')
      .select(['method', 'max_points', 'code'])
      .where('street_id', '=', row.street_id)
      .where('sheet_id', '=', row.sheet_id)
      .where('id', '=', indicatorId)
      .executeTakeFirst();
    if (!ind) throw SheetErrors.INDICATOR_NOT_FOUND();
    const wrong = (ind.method !== 'points' && body.awardedCenti != null) || (ind.method !== 'deduction' && body.findings != null && body.findings !== 0) || (ind.method !== 'yes_no' && body.met != null);
    if (wrong) throw SheetErrors.ENTRY_NOT_FOR_METHOD({ method: METHOD_ZH[ind.method] }, { method: ind.method });
    if (ind.method === 'points' && body.awardedCenti != null && body.awardedCenti > ind.max_points) throw SheetErrors.POINTS_OVER_MAX({ max: (ind.max_points / 100).toFixed(2) });
    const set = {
      ...(ind.method === 'points' && body.awardedCenti !== undefined ? { awarded_points: body.awardedCenti } : {}),
      ...(ind.method === 'deduction' && body.findings !== undefined ? { findings: body.findings } : {}),
      ...(ind.method === 'yes_no' && body.met !== undefined ? { met: body.met } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
      updated_at: ctx.kernel.clock.now(),
    };
    await tx
      .insertInto('sup_inspection_items')
      .values({ street_id: row.street_id, inspection_id: id, indicator_id: indicatorId, ...set })
      .onConflict((oc) => oc.columns(['street_id', 'inspection_id', 'indicator_id']).doUpdateSet(set))
      .execute();
    await audit(tx, ctx, { action: 'supervision.inspection.item_saved', placeId: row.place_id, subjectType: 'sup_inspection', subjectId: id, detail: { indicatorId, code: ind.code, fields: Object.keys(set).filter((k) => k !== 'updated_at') } });
    return inspectionView(tx, ctx, row);
  });
}
