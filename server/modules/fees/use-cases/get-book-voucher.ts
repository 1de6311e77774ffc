import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { ownerStatement, staffStatement } from './books-access.ts';
import { neutralVoucherName } from './get-book-statement.ts';

async function voucherRow(db: Executor, id: string) {
  const v = await db
    .selectFrom('fee_book_vouchers as v')
    .innerJoin('fee_book_lines as l', (j) => j.onRef('l.street_id', '=', 'v.street_id').onRef('l.id', '=', 'v.line_id'))
    .selectAll('v')
    .select(['l.statement_id', 'l.line_no'])
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (!v) throw FeesErrors.BOOK_VOUCHER_NOT_FOUND();
  return v;
}

async function content(ctx: Ctx, key: string) {
  const bytes = await ctx.kernel.files.get(key);
  if (!bytes) throw FeesErrors.BOOK_VOUCHER_NOT_FOUND();
  return bytes;
}

/** A voucher file for staff who read the compound's books, under its uploaded name. */
export async function getBookVoucher(ctx: Ctx, id: string) {
  const db = read(ctx);
  const v = await voucherRow(db, id);
  await staffStatement(db, ctx, v.statement_id, 'read').catch(() => {
    throw FeesErrors.BOOK_VOUCHER_NOT_FOUND();
  });
  return { name: v.file_name, mime: v.mime, content: await content(ctx, v.file_key) };
}

/**
 * A voucher file for an owner: only through a line of a published statement of a compound they own a room in,
 * and under a neutral name (the uploaded one may name a person).
 */
export async function getMyBookVoucher(ctx: Ctx, id: string) {
  const db = read(ctx);
  const v = await voucherRow(db, id);
  const { statement } = await ownerStatement(db, ctx, v.statement_id).catch(() => {
    throw FeesErrors.BOOK_VOUCHER_NOT_FOUND();
  });
  const siblings = await db.selectFrom('fee_book_vouchers').select('id').where('street_id', '=', v.street_id).where('line_id', '=', v.line_id).orderBy('uploaded_at').orderBy('id').execute();
  const index = Math.max(0, siblings.findIndex((x) => x.id === v.id));
  return { name: neutralVoucherName(statement.month, v.line_no, index, v.mime), mime: v.mime, content: await content(ctx, v.file_key) };
}
