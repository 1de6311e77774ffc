import { findPlace, streetOf } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows } from '../supervision.policy.ts';
import { SheetErrors } from '../supervision.sheets.errors.ts';
import { findSheet, lockSheetKind, versionsOf } from '../supervision.sheets.repository.ts';
import type { CreateSheetBody } from '../supervision.sheets.schemas.ts';
import { readsSheetsOf } from './sheet-access.ts';
import { sheetView } from './sheet-view.ts';

/** A new, empty draft of a kind of sheet at a street: the next version number; one draft per kind at a time. */
export async function createSheet(ctx: Ctx, body: CreateSheetBody) {
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, body.placeId);
    if (!place || !readsSheetsOf(ctx.actor, place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
    if (!allows(ctx.actor, 'sheetsManage', place.path)) throw CommonErrors.FORBIDDEN();
    if (place.kind !== 'street') throw SheetErrors.NOT_A_STREET();
    const streetId = streetOf(place);
    await lockSheetKind(tx, streetId, body.kind);
    const versions = await versionsOf(tx, streetId, body.kind);
    if (versions.draft) throw SheetErrors.SHEET_DRAFT_EXISTS({ version: versions.draft.version });
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('sup_sheets')
      .values({ street_id: streetId, id, place_id: place.id, kind: body.kind, name: body.name, version: versions.maxVersion + 1, applies_from: null, status: 'draft', created_by: ctx.actor.accountId, created_at: now, updated_at: now })
      .execute();
    await audit(tx, ctx, { action: 'supervision.sheet.created', placeId: place.id, subjectType: 'sup_sheet', subjectId: id, after: { kind: body.kind, name: body.name, version: versions.maxVersion + 1 } });
    return sheetView(tx, ctx, (await findSheet(tx, id))!);
  });
}
