import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';
import { SHEET_STATUSES, assertPaperAllowed, newSheetCode } from './issue-sheets.ts';

/**
 * 补发: a lost or spoilt sheet is replaced by a new one with a new code; the first is void for good (entering it is
 * refused), so one owner never has two live sheets. A sheet already entered is not replaced: its ballot stands.
 */
export async function replaceSheet(ctx: Ctx, id: string, sheetId: string, body: { reason: string }) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: SHEET_STATUSES });
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: SHEET_STATUSES });
    await assertPaperAllowed(tx, d);
    const sheet = await tx.selectFrom('dec_sheets').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', sheetId).forUpdate().executeTakeFirst();
    if (!sheet) throw DecisionsErrors.SHEET_NOT_FOUND({ code: sheetId.slice(0, 8) });
    if (sheet.status === 'void') throw DecisionsErrors.SHEET_VOID({ replacedBy: '' });
    const entered = await tx.selectFrom('dec_ballots').select('id').where('street_id', '=', d.street_id).where('sheet_id', '=', sheet.id).executeTakeFirst();
    if (entered) throw DecisionsErrors.SHEET_ALREADY_ENTERED();
    const now = ctx.kernel.clock.now();
    const next = { id: newId(), code: newSheetCode() };
    // Void first: a head has one live sheet at a time (dec_sheets_one_live).
    await tx.updateTable('dec_sheets').set({ status: 'void', void_reason: body.reason, voided_at: now, replaced_by: next.id }).where('street_id', '=', d.street_id).where('id', '=', sheet.id).execute();
    await tx
      .insertInto('dec_sheets')
      .values({ street_id: d.street_id, id: next.id, decision_id: d.id, entry_id: sheet.entry_id, code: next.code, status: 'issued', issued_by: ctx.actor.accountId, issued_at: now })
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.sheet.replaced',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { voided: sheet.code, issued: next.code, reason: body.reason },
    });
    return next;
  });
}
