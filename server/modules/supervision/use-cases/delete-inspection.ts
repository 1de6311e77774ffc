import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../supervision.db.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { lockInspection } from '../supervision.sheets.repository.ts';
import { workableInspection } from './inspection-access.ts';

/** Deletes a draft inspection started by mistake (its entries and files go with it); a submitted one answers 409. */
export async function deleteInspection(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    if (!(await lockInspection(tx, id))) throw SheetErrors.INSPECTION_NOT_FOUND();
    const row = await workableInspection(tx, ctx, id);
    await tx.deleteFrom('sup_inspections').where('street_id', '=', row.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'supervision.inspection.deleted', placeId: row.place_id, subjectType: 'sup_inspection', subjectId: id, before: { period: row.period, sheetId: row.sheet_id } });
    return { id };
  });
}
