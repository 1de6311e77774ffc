import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { booksAllow } from '../fees.books.policy.ts';
import { type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { accountOf, staffStatement, statementTotals, type StatementRow } from './books-access.ts';

/** Every manual expense has at least one voucher: what owners are shown rests on a document. */
export async function checkVouchersPresent(tx: Tx, s: StatementRow) {
  const missing = await tx
    .selectFrom('fee_book_lines as l')
    .select('l.line_no')
    .where('l.street_id', '=', s.street_id)
    .where('l.statement_id', '=', s.id)
    .where('l.direction', '=', 'expense')
    .where('l.source', '=', 'manual')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fee_book_vouchers as v').select('v.id').whereRef('v.street_id', '=', 'l.street_id').whereRef('v.line_id', '=', 'l.id'))))
    .orderBy('l.line_no')
    .executeTakeFirst();
  if (missing) throw FeesErrors.BOOK_VOUCHER_MISSING({ lineNo: missing.line_no });
}

/**
 * A confirmation of a draft by one side: the owners' committee (`committee`) or the property company
 * (`company`), in either order. The totals confirmed are recorded with it; any later change of a line clears
 * both (use-cases/book-computed-lines.ts clearConfirmations).
 */
export async function confirmBookStatement(ctx: Ctx, id: string, side: 'committee' | 'company') {
  return write(ctx, async (tx) => {
    const s = await staffStatement(tx, ctx, id, 'read', true);
    if (!booksAllow(ctx.actor, side === 'committee' ? 'confirmCommittee' : 'confirmCompany', s.compound_path)) throw CommonErrors.FORBIDDEN();
    if (s.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
    if ((side === 'committee' ? s.committee_confirmed_at : s.company_confirmed_at) !== null) throw FeesErrors.BOOK_CONFIRMED_ALREADY();
    await checkVouchersPresent(tx, s);
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('fee_book_statements')
      .set(side === 'committee' ? { committee_confirmed_by: accountOf(ctx), committee_confirmed_at: now } : { company_confirmed_by: accountOf(ctx), company_confirmed_at: now })
      .where('street_id', '=', s.street_id)
      .where('id', '=', s.id)
      .execute();
    const totals = (await statementTotals(tx, [s.id])).get(s.id)!;
    await audit(tx, ctx, { action: 'fees.book_statement.confirmed', placeId: s.compound_id, subjectType: 'fee_book_statement', subjectId: s.id, after: { side, ...totals } });
    const both = side === 'committee' ? s.company_confirmed_at !== null : s.committee_confirmed_at !== null;
    return { id: s.id, side, bothConfirmed: both, ...totals };
  });
}
