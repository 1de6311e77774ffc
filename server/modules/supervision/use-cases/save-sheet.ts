import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../supervision.db.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { findSheet, lockSheet } from '../supervision.sheets.repository.ts';
import type { SaveSheetBody } from '../supervision.sheets.schemas.ts';
import { editableSheet } from './sheet-access.ts';
import { sheetView } from './sheet-view.ts';

/** Checks an edited content: codes unique across the sheet, points per finding exactly for deduction indicators. */
export function checkSheetContent(body: SaveSheetBody): void {
  const codes = new Set<string>();
  for (const ind of body.sections.flatMap((s) => s.indicators)) {
    if (codes.has(ind.code)) throw SheetErrors.DUPLICATE_CODE({ code: ind.code });
    codes.add(ind.code);
    if (ind.method === 'deduction' && !ind.deductionCenti) throw SheetErrors.DEDUCTION_POINTS_REQUIRED({ code: ind.code });
    if (ind.method !== 'deduction' && ind.deductionCenti) throw SheetErrors.DEDUCTION_POINTS_NOT_ALLOWED({ code: ind.code });
  }
}

/**
 * Replaces a draft's name, sections and indicators in one transaction (the editor sends the whole sheet). A draft is
 * edited freely — weights need add up to 100 only at activation; an activated (frozen) sheet answers 409 SHEET_FROZEN
 * and nothing is written. Draft indicators have no inspections, so replacing their ids loses nothing.
 */
export async function saveSheet(ctx: Ctx, id: string, body: SaveSheetBody) {
  checkSheetContent(body);
  return write(ctx, async (tx) => {
    if (!(await lockSheet(tx, id))) throw SheetErrors.SHEET_NOT_FOUND();
    const sheet = await editableSheet(tx, ctx, id);
    await tx.deleteFrom('sup_sheet_indicators').where('street_id', '=', sheet.street_id).where('sheet_id', '=', id).execute();
    await tx.deleteFrom('sup_sheet_sections').where('street_id', '=', sheet.street_id).where('sheet_id', '=', id).execute();
    let position = 0;
    for (const [si, s] of body.sections.entries()) {
      const sectionId = newId();
      await tx.insertInto('sup_sheet_sections').values({ street_id: sheet.street_id, id: sectionId, sheet_id: id, position: si + 1, name: s.name, weight: s.weight }).execute();
      if (s.indicators.length === 0) continue;
      await tx
        .insertInto('sup_sheet_indicators')
        .values(
          s.indicators.map((i) => ({
            street_id: sheet.street_id,
            id: newId(),
            sheet_id: id,
            section_id: sectionId,
            position: ++position,
            code: i.code,
            name: i.name,
            guidance: i.guidance,
            method: i.method,
            max_points: i.maxCenti,
            deduction_points: i.method === 'deduction' ? i.deductionCenti! : null,
            evidence: i.evidence,
          })),
        )
        .execute();
    }
    await tx.updateTable('sup_sheets').set({ name: body.name, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', sheet.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'supervision.sheet.edited',
      placeId: sheet.place_id,
      subjectType: 'sup_sheet',
      subjectId: id,
      detail: { sections: body.sections.length, indicators: position, weightSum: body.sections.reduce((a, s) => a + s.weight, 0) },
    });
    return sheetView(tx, ctx, (await findSheet(tx, id))!);
  });
}
