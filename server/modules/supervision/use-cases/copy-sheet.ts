import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { copySheetContent, findSheet, lockSheetKind, versionsOf } from '../supervision.sheets.repository.ts';
import { readableSheet } from './sheet-access.ts';
import { sheetView } from './sheet-view.ts';

/**
 * "New version": copies a frozen (active or retired) sheet into a draft numbered after the street's last version of
 * that kind, to be edited and activated in its turn. The frozen one is untouched.
 */
export async function copySheet(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const from = await readableSheet(tx, ctx, id);
    if (!allows(ctx.actor, 'sheetsManage', from.streetPath)) throw CommonErrors.FORBIDDEN();
    if (from.status === 'draft') throw SheetErrors.SHEET_NOT_FROZEN();
    await lockSheetKind(tx, from.street_id, from.kind);
    const versions = await versionsOf(tx, from.street_id, from.kind);
    if (versions.draft) throw SheetErrors.SHEET_DRAFT_EXISTS({ version: versions.draft.version });
    const sheetId = newId();
    const now = ctx.kernel.clock.now();
    const version = versions.maxVersion + 1;
    await tx
      .insertInto('sup_sheets')
      .values({ street_id: from.street_id, id: sheetId, place_id: from.place_id, kind: from.kind, name: from.name, version, applies_from: null, status: 'draft', is_demo: from.is_demo, created_by: ctx.actor.accountId, created_at: now, updated_at: now })
      .execute();
    await copySheetContent(tx, from.street_id, from.id, sheetId, newId);
    await audit(tx, ctx, { action: 'supervision.sheet.copied', placeId: from.place_id, subjectType: 'sup_sheet', subjectId: sheetId, detail: { fromSheetId: from.id, fromVersion: from.version, version } });
    return sheetView(tx, ctx, (await findSheet(tx, sheetId))!);
  });
}
