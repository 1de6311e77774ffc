import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../supervision.db.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { lockSheet } from '../supervision.sheets.repository.ts';
import { editableSheet } from './sheet-access.ts';

/** Deletes a draft (its sections and indicators go with it); an activated sheet answers 409 SHEET_FROZEN. */
export async function deleteSheet(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    if (!(await lockSheet(tx, id))) throw SheetErrors.SHEET_NOT_FOUND();
    const sheet = await editableSheet(tx, ctx, id);
    await tx.deleteFrom('sup_sheets').where('street_id', '=', sheet.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'supervision.sheet.deleted', placeId: sheet.place_id, subjectType: 'sup_sheet', subjectId: id, before: { version: sheet.version, name: sheet.name } });
    return { id };
  });
}
