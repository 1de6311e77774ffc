import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { opinionsAbout } from '../../opinions/index.ts';
import { booksAllow } from '../fees.books.policy.ts';
import { type Executor, read } from '../fees.db.ts';
import { ownerLine, ownerStatement, staffStatement, statementTotals, type StatementRow } from './books-access.ts';

async function linesOf(db: Executor, s: StatementRow) {
  const lines = await db.selectFrom('fee_book_lines').selectAll().where('street_id', '=', s.street_id).where('statement_id', '=', s.id).orderBy('line_no').execute();
  const ids = lines.map((l) => l.id);
  const vouchers = ids.length
    ? await db.selectFrom('fee_book_vouchers').selectAll().where('street_id', '=', s.street_id).where('line_id', 'in', ids).orderBy('uploaded_at').orderBy('id').execute()
    : [];
  const questions = await opinionsAbout(db, ids);
  return lines.map((l) => ({ line: l, vouchers: vouchers.filter((v) => v.line_id === l.id), questions: questions.filter((q) => q.subjectId === l.id) }));
}

const EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' } as const;
/** The name a voucher is given to owners: the statement's month, the line and its place among the line's vouchers — never the uploaded name, which may carry a person's name. */
export const neutralVoucherName = (month: string, lineNo: number, index: number, mime: keyof typeof EXT) => `凭证-${month}-第${lineNo}行-${index + 1}.${EXT[mime]}`;

/** One statement for staff: every line with its vouchers (as uploaded) and the owners' questions, the totals, and what the actor may do. */
export async function getBookStatement(ctx: Ctx, id: string) {
  const db = read(ctx);
  const s = await staffStatement(db, ctx, id, 'read');
  const [lines, totals, account] = await Promise.all([
    linesOf(db, s),
    statementTotals(db, [s.id]),
    db.selectFrom('fee_book_accounts').selectAll().where('street_id', '=', s.street_id).where('compound_id', '=', s.compound_id).executeTakeFirst(),
  ]);
  const draft = s.status === 'draft';
  return {
    id: s.id,
    compoundId: s.compound_id,
    compoundName: s.compound_name,
    month: s.month,
    status: s.status,
    committeeConfirmedAt: s.committee_confirmed_at,
    companyConfirmedAt: s.company_confirmed_at,
    publishedAt: s.published_at,
    updatedAt: s.updated_at,
    ...totals.get(s.id)!,
    account: account ? { mode: account.mode, shareBp: account.share_bp, fixedFen: account.fixed_fen === null ? null : Number(account.fixed_fen), contractNo: account.contract_no } : null,
    lines: lines.map(({ line: l, vouchers, questions }) => ({
      id: l.id,
      lineNo: l.line_no,
      direction: l.direction,
      category: l.category,
      source: l.source,
      amountFen: Number(l.amount_fen),
      counterparty: l.counterparty,
      counterpartyKind: l.counterparty_kind,
      description: l.description,
      occurredOn: l.occurred_on,
      basisKind: l.basis_kind,
      basisRef: l.basis_ref,
      basisLabel: l.basis_label,
      formula: l.formula,
      vouchers: vouchers.map((v) => ({ id: v.id, name: v.file_name, mime: v.mime, size: v.size_bytes, masked: v.masked, uploadedAt: v.uploaded_at })),
      questions,
    })),
    can: {
      keep: draft && booksAllow(ctx.actor, 'keep', s.compound_path),
      confirmCommittee: draft && !s.committee_confirmed_at && booksAllow(ctx.actor, 'confirmCommittee', s.compound_path),
      confirmCompany: draft && !s.company_confirmed_at && booksAllow(ctx.actor, 'confirmCompany', s.compound_path),
      publish: draft && !!s.committee_confirmed_at && !!s.company_confirmed_at && booksAllow(ctx.actor, 'publish', s.compound_path),
    },
  };
}

/**
 * A published statement as its owners read it: the lines with a person's name masked (张*), vouchers under
 * neutral names and without who uploaded them, the basis, the formula of a computed line, and the questions
 * owners asked with their public answers.
 */
export async function ownerView(db: Executor, s: StatementRow) {
  const [lines, totals] = await Promise.all([linesOf(db, s), statementTotals(db, [s.id])]);
  return {
    id: s.id,
    compoundName: s.compound_name,
    month: s.month,
    publishedAt: s.published_at,
    ...totals.get(s.id)!,
    lines: lines.map(({ line: l, vouchers, questions }) => ({
      id: l.id,
      lineNo: l.line_no,
      direction: l.direction,
      category: l.category,
      source: l.source,
      amountFen: Number(l.amount_fen),
      counterparty: l.counterparty_kind === 'person' ? maskName(l.counterparty) : l.counterparty,
      description: l.description,
      occurredOn: l.occurred_on,
      basisKind: l.basis_kind,
      basisLabel: l.basis_label,
      formula: l.formula,
      vouchers: vouchers.map((v, i) => ({ id: v.id, mime: v.mime, name: neutralVoucherName(s.month, l.line_no, i, v.mime) })),
      questions: questions.map((q) => ({ id: q.id, body: q.body, status: q.status, hidden: q.hidden, answer: q.answer, answeredAt: q.answeredAt, addresseeName: q.addresseeName, createdAt: q.createdAt })),
    })),
  };
}

/** 账目公开 → a month: the published statement of a compound the acting person owns a room in. */
export async function getMyBookStatement(ctx: Ctx, id: string) {
  const db = read(ctx);
  const { statement } = await ownerStatement(db, ctx, id);
  return ownerView(db, statement);
}

/** Where a line sits, for the link from its question's opinion page back to the statement. */
export async function getMyBookLine(ctx: Ctx, lineId: string) {
  const { line, statement } = await ownerLine(read(ctx), ctx, lineId);
  return { id: line.id, lineNo: line.line_no, statementId: statement.id, month: statement.month };
}
