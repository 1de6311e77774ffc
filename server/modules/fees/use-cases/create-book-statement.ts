import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { booksAuthorize } from '../fees.books.policy.ts';
import type { CreateStatementBody } from '../fees.books.schemas.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { today } from './bills-access.ts';
import { recomputeLines } from './book-computed-lines.ts';
import { booksCompound } from './set-book-account.ts';
import { accountOf } from './books-access.ts';

/**
 * Opens the month's statement of a compound as a draft, with its computed lines (the fees collected, the
 * remuneration): the property company keeps the books. One statement per compound and month; not for a month
 * that has not begun; the contract's remuneration must be set first.
 */
export async function createBookStatement(ctx: Ctx, input: CreateStatementBody) {
  return write(ctx, async (tx) => {
    const place = await booksCompound(tx, ctx, input.compoundId);
    booksAuthorize(ctx.actor, 'keep', place.path);
    if (input.month > today(ctx).slice(0, 7)) throw FeesErrors.BOOK_MONTH_FUTURE();
    const account = await tx.selectFrom('fee_book_accounts').select('mode').where('street_id', '=', place.street_id).where('compound_id', '=', place.id).executeTakeFirst();
    if (!account) throw FeesErrors.BOOK_ACCOUNT_MISSING();
    const now = ctx.kernel.clock.now();
    const id = newId();
    const inserted = await tx
      .insertInto('fee_book_statements')
      .values({
        street_id: place.street_id,
        id,
        compound_id: place.id,
        month: input.month,
        committee_confirmed_by: null,
        committee_confirmed_at: null,
        company_confirmed_by: null,
        company_confirmed_at: null,
        published_by: null,
        published_at: null,
        created_by: accountOf(ctx),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['street_id', 'compound_id', 'month']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw FeesErrors.BOOK_STATEMENT_EXISTS({ month: input.month });
    const statement = { street_id: place.street_id, id, compound_id: place.id, month: input.month };
    await recomputeLines(tx, ctx, statement);
    await audit(tx, ctx, { action: 'fees.book_statement.created', placeId: place.id, subjectType: 'fee_book_statement', subjectId: id, after: { compoundId: place.id, month: input.month } });
    return { id, month: input.month, status: 'draft' as const };
  });
}
