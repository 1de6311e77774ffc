import { audit, type Ctx } from '../../../kernel/context.ts';
import type { BookLineBody } from '../fees.books.schemas.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { staffLine } from './books-access.ts';
import { afterLineChange, checkedLine } from './add-book-line.ts';

/** Edits a manual line of a draft. Any change after a confirmation clears both confirmations. */
export async function updateBookLine(ctx: Ctx, lineId: string, input: BookLineBody) {
  return write(ctx, async (tx) => {
    const { line, statement: s } = await staffLine(tx, ctx, lineId, 'keep', true);
    if (s.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
    if (line.source !== 'manual') throw FeesErrors.BOOK_LINE_COMPUTED();
    const values = await checkedLine(tx, s, input);
    await tx.updateTable('fee_book_lines').set({ ...values, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', s.street_id).where('id', '=', line.id).execute();
    const { confirmationsCleared } = await afterLineChange(tx, ctx, s);
    await audit(tx, ctx, { action: 'fees.book_line.updated', placeId: s.compound_id, subjectType: 'fee_book_line', subjectId: line.id, before: line, after: values, detail: { confirmationsCleared } });
    return { id: line.id, lineNo: line.line_no, confirmationsCleared };
  });
}
