import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { staffLine } from './books-access.ts';
import { afterLineChange } from './add-book-line.ts';

/**
 * Removes a manual line of a draft with its vouchers' records (the files stay in the content-addressed store,
 * which may hold the same file for another line). A published statement's lines are never removed.
 */
export async function removeBookLine(ctx: Ctx, lineId: string) {
  return write(ctx, async (tx) => {
    const { line, statement: s } = await staffLine(tx, ctx, lineId, 'keep', true);
    if (s.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
    if (line.source !== 'manual') throw FeesErrors.BOOK_LINE_COMPUTED();
    const vouchers = await tx.deleteFrom('fee_book_vouchers').where('street_id', '=', s.street_id).where('line_id', '=', line.id).returning(['id', 'file_name']).execute();
    await tx.deleteFrom('fee_book_lines').where('street_id', '=', s.street_id).where('id', '=', line.id).execute();
    const { confirmationsCleared } = await afterLineChange(tx, ctx, s);
    await audit(tx, ctx, { action: 'fees.book_line.removed', placeId: s.compound_id, subjectType: 'fee_book_line', subjectId: line.id, before: { ...line, vouchers }, detail: { confirmationsCleared } });
    return { id: line.id, confirmationsCleared };
  });
}
