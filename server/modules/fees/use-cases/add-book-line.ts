import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { decisionsAt } from '../../decisions/index.ts';
import type { BookLineBody } from '../fees.books.schemas.ts';
import { BOOK_INCOME_CATEGORIES } from '../fees.constants.ts';
import { type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { accountOf, staffStatement, type StatementRow } from './books-access.ts';
import { clearConfirmations, nextLineNo, recomputeLines } from './book-computed-lines.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a manual line's input becomes, checked: the category belongs to the direction; the basis is an owners'
 * decision of this compound that passed and was published (read through the decisions module), its title kept as
 * the label, or a contract by its number.
 */
export async function checkedLine(tx: Tx, s: StatementRow, input: BookLineBody) {
  const income = (BOOK_INCOME_CATEGORIES as readonly string[]).includes(input.category);
  if (income !== (input.direction === 'income')) throw FeesErrors.BOOK_CATEGORY_DIRECTION();
  let basisLabel: string;
  if (input.basisKind === 'decision') {
    const [decision] = UUID.test(input.basisRef) ? await decisionsAt(tx, s.compound_id, [input.basisRef]) : [];
    if (!decision || decision.outcome !== 'passed') throw FeesErrors.BOOK_DECISION_NOT_FOUND();
    basisLabel = `业主大会决定：${decision.title}`.slice(0, 200);
  } else {
    basisLabel = `合同 ${input.basisRef}`;
  }
  return {
    direction: input.direction,
    category: input.category,
    amount_fen: input.amountFen,
    counterparty: input.counterparty,
    counterparty_kind: input.counterpartyKind,
    description: input.description,
    occurred_on: input.occurredOn,
    basis_kind: input.basisKind,
    basis_ref: input.basisRef,
    basis_label: basisLabel,
  };
}

/** After a change to a draft's lines: the computed lines follow (the remuneration counts the income) and both confirmations are cleared. */
export async function afterLineChange(tx: Tx, ctx: Ctx, s: StatementRow) {
  await recomputeLines(tx, ctx, s);
  await clearConfirmations(tx, ctx, s);
  return { confirmationsCleared: s.committee_confirmed_at !== null || s.company_confirmed_at !== null };
}

/** Adds a manual line (income or expense) to a draft; an expense still needs its voucher before it is confirmed. */
export async function addBookLine(ctx: Ctx, statementId: string, input: BookLineBody) {
  return write(ctx, async (tx) => {
    const s = await staffStatement(tx, ctx, statementId, 'keep', true);
    if (s.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
    const values = await checkedLine(tx, s, input);
    const now = ctx.kernel.clock.now();
    const id = newId();
    const lineNo = await nextLineNo(tx, s.street_id, s.id);
    await tx
      .insertInto('fee_book_lines')
      .values({ street_id: s.street_id, id, statement_id: s.id, line_no: lineNo, source: 'manual', formula: null, ...values, created_by: accountOf(ctx), created_at: now, updated_at: now })
      .execute();
    const { confirmationsCleared } = await afterLineChange(tx, ctx, s);
    await audit(tx, ctx, { action: 'fees.book_line.added', placeId: s.compound_id, subjectType: 'fee_book_line', subjectId: id, after: { statementId: s.id, lineNo, ...values }, detail: { confirmationsCleared } });
    return { id, lineNo, confirmationsCleared };
  });
}
