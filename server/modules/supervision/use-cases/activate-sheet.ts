import { type Ctx, audit } from '../../../kernel/context.ts';
import { nextPeriod, periodContaining } from '../../../kernel/payouts/payouts.ts';
import { write } from '../supervision.db.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { findSheet, lockSheet, lockSheetKind, sheetStructure, versionsOf } from '../supervision.sheets.repository.ts';
import { editableSheet } from './sheet-access.ts';
import { retireSuperseded } from './retire-sheets.ts';
import { sheetView } from './sheet-view.ts';

/**
 * Activates a draft: it is frozen from now on, and applies from the quarter AFTER the current one (kernel clock) —
 * the version in force keeps governing the current quarter, whose inspections may be under way. The first version of
 * a kind at a street has nothing to wait for and applies from the current quarter. Refused (409, nothing written)
 * unless the sections' weights add up to exactly 100 and every section has an indicator.
 */
export async function activateSheet(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    if (!(await lockSheet(tx, id))) throw SheetErrors.SHEET_NOT_FOUND();
    const sheet = await editableSheet(tx, ctx, id);
    const { sections, indicators } = await sheetStructure(tx, id);
    if (sections.length === 0) throw SheetErrors.SHEET_EMPTY();
    const sum = sections.reduce((a, s) => a + s.weight, 0);
    if (sum !== 100) throw SheetErrors.WEIGHTS_NOT_100({ sum });
    const empty = sections.find((s) => !indicators.some((i) => i.sectionId === s.id));
    if (empty) throw SheetErrors.SECTION_EMPTY({ name: empty.name });
    await lockSheetKind(tx, sheet.street_id, sheet.kind);
    const now = ctx.kernel.clock.now();
    const current = periodContaining('quarter', now);
    const first = !(await versionsOf(tx, sheet.street_id, sheet.kind)).everActivated;
    const appliesFrom = first ? current.label : nextPeriod(current).label;
    await tx.updateTable('sup_sheets').set({ status: 'active', applies_from: appliesFrom, frozen_at: now, updated_at: now }).where('street_id', '=', sheet.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'supervision.sheet.activated', placeId: sheet.place_id, subjectType: 'sup_sheet', subjectId: id, after: { version: sheet.version, appliesFrom } });
    // A first version takes over at once: nothing older to retire then, but the same rule runs for every activation.
    await retireSuperseded(tx, ctx, now);
    return sheetView(tx, ctx, (await findSheet(tx, id))!);
  });
}
