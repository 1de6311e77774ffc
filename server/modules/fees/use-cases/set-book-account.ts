import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { booksAllow, booksAuthorize } from '../fees.books.policy.ts';
import type { BookAccountBody } from '../fees.books.schemas.ts';
import { type Executor, read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { accountOf } from './books-access.ts';

/** A compound whose books the actor reads (404 otherwise: its existence is not theirs to learn); 400 if not a compound. */
export async function booksCompound(db: Executor, ctx: Ctx, compoundId: string) {
  const place = await findPlace(db, compoundId);
  if (!place || !place.street_id || !booksAllow(ctx.actor, 'read', place.path)) throw FeesErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'compound') throw FeesErrors.NOT_A_COMPOUND();
  return place as typeof place & { street_id: string };
}

const present = (a: { mode: 'share_bp' | 'fixed_fen'; share_bp: number | null; fixed_fen: number | null; contract_no: string; updated_at: Date }) => ({
  mode: a.mode,
  shareBp: a.share_bp,
  fixedFen: a.fixed_fen === null ? null : Number(a.fixed_fen),
  contractNo: a.contract_no,
  updatedAt: a.updated_at,
});

/** The compound's contract setting for the company's remuneration, or null when none is set yet. */
export async function getBookAccount(ctx: Ctx, compoundId: string) {
  const db = read(ctx);
  const place = await booksCompound(db, ctx, compoundId);
  const a = await db.selectFrom('fee_book_accounts').selectAll().where('street_id', '=', place.street_id).where('compound_id', '=', place.id).executeTakeFirst();
  return { compoundId: place.id, compoundName: place.name, account: a ? present(a) : null, can: { set: booksAllow(ctx.actor, 'account', place.path) } };
}

/**
 * Sets the compound's remuneration under its contract (酬金制): a share of the month's income in basis points or a
 * fixed amount per month, with the contract's number. The owners' committee or an official sets it; a statement
 * already published keeps what it was computed with, a draft takes it at its next refresh.
 */
export async function setBookAccount(ctx: Ctx, compoundId: string, input: BookAccountBody) {
  return write(ctx, async (tx) => {
    const place = await booksCompound(tx, ctx, compoundId);
    booksAuthorize(ctx.actor, 'account', place.path);
    const before = await tx.selectFrom('fee_book_accounts').selectAll().where('street_id', '=', place.street_id).where('compound_id', '=', place.id).forUpdate().executeTakeFirst();
    const values = {
      mode: input.mode,
      share_bp: input.mode === 'share_bp' ? input.shareBp! : null,
      fixed_fen: input.mode === 'fixed_fen' ? input.fixedFen! : null,
      contract_no: input.contractNo,
      updated_by: accountOf(ctx),
      updated_at: ctx.kernel.clock.now(),
    };
    await tx
      .insertInto('fee_book_accounts')
      .values({ street_id: place.street_id, compound_id: place.id, ...values })
      .onConflict((oc) => oc.columns(['street_id', 'compound_id']).doUpdateSet(values))
      .execute();
    await audit(tx, ctx, {
      action: 'fees.book_account.set',
      placeId: place.id,
      subjectType: 'fee_book_account',
      subjectId: place.id,
      before: before ? present(before) : null,
      after: { mode: values.mode, shareBp: values.share_bp, fixedFen: values.fixed_fen, contractNo: values.contract_no },
    });
    return present({ ...values, fixed_fen: values.fixed_fen });
  });
}
