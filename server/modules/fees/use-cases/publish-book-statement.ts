import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { booksAuthorize } from '../fees.books.policy.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { accountOf, staffStatement, statementTotals } from './books-access.ts';
import { checkVouchersPresent } from './confirm-book-statement.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * Publishes a statement both sides confirmed: from now on it never changes, every owner of the compound reads it
 * on the H5, line by line with vouchers, and is told (`fees.books_published`, the registry's owners at the
 * compound). Every voucher must be marked masked of personal data — staff ticked it when attaching.
 */
export async function publishBookStatement(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const s = await staffStatement(tx, ctx, id, 'read', true);
    booksAuthorize(ctx.actor, 'publish', s.compound_path);
    if (s.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
    if (!s.committee_confirmed_at || !s.company_confirmed_at) throw FeesErrors.BOOK_NOT_CONFIRMED();
    await checkVouchersPresent(tx, s);
    const unmasked = await tx
      .selectFrom('fee_book_vouchers as v')
      .innerJoin('fee_book_lines as l', (j) => j.onRef('l.street_id', '=', 'v.street_id').onRef('l.id', '=', 'v.line_id'))
      .select('l.line_no')
      .where('l.street_id', '=', s.street_id)
      .where('l.statement_id', '=', s.id)
      .where('v.masked', '=', false)
      .orderBy('l.line_no')
      .executeTakeFirst();
    if (unmasked) throw FeesErrors.BOOK_VOUCHER_UNMASKED({ lineNo: unmasked.line_no });
    const now = ctx.kernel.clock.now();
    await tx.updateTable('fee_book_statements').set({ status: 'published', published_by: accountOf(ctx), published_at: now, updated_at: now }).where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
    const totals = (await statementTotals(tx, [s.id])).get(s.id)!;
    const told = await notify(tx, ctx, {
      template: 'fees.books_published',
      placeId: s.compound_id,
      to: { audience: 'registry.owners' },
      data: { compound: s.compound_name, month: s.month, income: yuan(totals.incomeFen), expense: yuan(totals.expenseFen), id: s.id },
      subject: { type: 'fee_book_statement', id: s.id },
    });
    await audit(tx, ctx, { action: 'fees.book_statement.published', placeId: s.compound_id, subjectType: 'fee_book_statement', subjectId: s.id, after: { month: s.month, ...totals }, detail: { owners: told.recipients } });
    return { id: s.id, status: 'published' as const, owners: told.recipients, ...totals };
  });
}
