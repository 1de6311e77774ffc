import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { staffStatement } from './books-access.ts';
import { clearConfirmations, recomputeLines } from './book-computed-lines.ts';

/**
 * 刷新计算行: recomputes a draft's fees line (payments booked since) and remuneration line. When either moved, the
 * confirmations are cleared like any other change of a line; when nothing moved, nothing is written but the audit
 * entry of the refresh.
 */
export async function refreshBookStatement(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const s = await staffStatement(tx, ctx, id, 'keep', true);
    if (s.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
    const changed = await recomputeLines(tx, ctx, s);
    const cleared = changed && (s.committee_confirmed_at !== null || s.company_confirmed_at !== null);
    if (changed) await clearConfirmations(tx, ctx, s);
    await audit(tx, ctx, { action: 'fees.book_statement.refreshed', placeId: s.compound_id, subjectType: 'fee_book_statement', subjectId: s.id, detail: { changed, confirmationsCleared: cleared } });
    return { id: s.id, changed, confirmationsCleared: cleared };
  });
}
