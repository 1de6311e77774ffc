import { audit, type Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { staffLine } from './books-access.ts';
import { afterLineChange } from './add-book-line.ts';

/** Removes a voucher from a line of a draft (a wrong or unmasked file): a change of the line, clearing both confirmations. */
export async function removeBookVoucher(ctx: Ctx, voucherId: string) {
  return write(ctx, async (tx) => {
    const voucher = await tx.selectFrom('fee_book_vouchers').selectAll().where('id', '=', voucherId).executeTakeFirst();
    if (!voucher) throw FeesErrors.BOOK_VOUCHER_NOT_FOUND();
    const { statement: s } = await staffLine(tx, ctx, voucher.line_id, 'keep', true).catch((err: unknown) => {
      throw err instanceof AppError && err.status === 404 ? FeesErrors.BOOK_VOUCHER_NOT_FOUND() : err;
    });
    if (s.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
    await tx.deleteFrom('fee_book_vouchers').where('street_id', '=', voucher.street_id).where('id', '=', voucher.id).execute();
    const { confirmationsCleared } = await afterLineChange(tx, ctx, s);
    await audit(tx, ctx, { action: 'fees.book_voucher.removed', placeId: s.compound_id, subjectType: 'fee_book_voucher', subjectId: voucher.id, before: voucher, detail: { confirmationsCleared } });
    return { id: voucher.id, confirmationsCleared };
  });
}
