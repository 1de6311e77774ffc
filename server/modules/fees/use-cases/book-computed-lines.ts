import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { compoundServices } from '../../registry/index.ts';
import type { BookRemunerationMode } from '../fees.constants.ts';
import type { Tx } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { roundHalfUp } from './bill-rules.ts';
import { accountOf } from './books-access.ts';

const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const percent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

/**
 * The company's remuneration under the contract (酬金制), with the formula shown to owners: a share of the month's
 * income — one half-up rounding to the fen, of the exact product — or the contract's fixed amount.
 */
export function remunerationOf(account: { mode: BookRemunerationMode; share_bp: number | null; fixed_fen: number | null; contract_no: string }, incomeFen: number): { amountFen: number; formula: string } {
  if (account.mode === 'fixed_fen') {
    const fen = account.fixed_fen ?? 0;
    return { amountFen: fen, formula: `合同 ${account.contract_no} 约定固定酬金每月 ${yuan(fen)} 元` };
  }
  const bp = account.share_bp ?? 0;
  const fen = roundHalfUp(BigInt(incomeFen) * BigInt(bp), 10_000n);
  return { amountFen: fen, formula: `本月收入合计 ${yuan(incomeFen)} 元 × 酬金比例 ${percent(bp)} = ${yuan(fen)} 元（合同 ${account.contract_no}，四舍五入到分）` };
}

/** The first instant of a month 'YYYY-MM' in China, and of the next. */
export function monthBounds(month: string): { from: string; to: string; lastDay: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01T00:00:00+08:00`, to: `${next}-01T00:00:00+08:00`, lastDay: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The property fees collected for the compound in the month: every allocation of the module's own payments booked
 * in the month (a refund's negative allocation nets out in the month it is paid back), and how many payments.
 */
export async function feesCollected(tx: Tx, streetId: string, compoundId: string, month: string): Promise<{ fen: number; payments: number }> {
  const { from, to } = monthBounds(month);
  const row = await tx
    .selectFrom('fee_payment_allocations as a')
    .innerJoin('fee_payments as p', (j) => j.onRef('p.street_id', '=', 'a.street_id').onRef('p.id', '=', 'a.payment_id'))
    .select([sql<number>`coalesce(sum(a.amount_fen), 0)::bigint`.as('fen'), sql<number>`count(distinct p.id)::int`.as('n')])
    .where('p.street_id', '=', streetId)
    .where('p.compound_id', '=', compoundId)
    .where('a.at', '>=', new Date(from))
    .where('a.at', '<', new Date(to))
    .executeTakeFirstOrThrow();
  return { fen: Number(row.fen), payments: row.n };
}

/** The next line number of a statement. */
export async function nextLineNo(tx: Tx, streetId: string, statementId: string): Promise<number> {
  const row = await tx
    .selectFrom('fee_book_lines')
    .select(sql<number>`coalesce(max(line_no), 0)::int`.as('n'))
    .where('street_id', '=', streetId)
    .where('statement_id', '=', statementId)
    .executeTakeFirstOrThrow();
  return row.n + 1;
}

/**
 * Recomputes the two computed lines of a draft: the fees collected (from the module's own payments) and the
 * remuneration (from the contract setting and the month's income, after the fees line). Inserts them when missing,
 * updates them when their amount or formula moved. Answers whether anything changed (a change clears the
 * confirmations: the caller does it with the rest of its change).
 */
export async function recomputeLines(tx: Tx, ctx: Ctx, s: { street_id: string; id: string; compound_id: string; month: string }): Promise<boolean> {
  const account = await tx.selectFrom('fee_book_accounts').selectAll().where('street_id', '=', s.street_id).where('compound_id', '=', s.compound_id).executeTakeFirst();
  if (!account) throw FeesErrors.BOOK_ACCOUNT_MISSING();
  const now = ctx.kernel.clock.now();
  const { lastDay } = monthBounds(s.month);
  const computed = await tx.selectFrom('fee_book_lines').selectAll().where('street_id', '=', s.street_id).where('statement_id', '=', s.id).where('source', '<>', 'manual').execute();
  let changed = false;
  const put = async (source: 'fees' | 'remuneration', values: { amountFen: number; formula: string; counterparty: string; description: string }) => {
    const known = computed.find((l) => l.source === source);
    if (known) {
      if (Number(known.amount_fen) === values.amountFen && known.formula === values.formula && known.counterparty === values.counterparty) return;
      await tx
        .updateTable('fee_book_lines')
        .set({ amount_fen: values.amountFen, formula: values.formula, counterparty: values.counterparty, description: values.description, occurred_on: lastDay, updated_at: now })
        .where('street_id', '=', s.street_id)
        .where('id', '=', known.id)
        .execute();
    } else {
      await tx
        .insertInto('fee_book_lines')
        .values({
          street_id: s.street_id,
          id: newId(),
          statement_id: s.id,
          line_no: await nextLineNo(tx, s.street_id, s.id),
          direction: source === 'fees' ? 'income' : 'expense',
          category: source,
          source,
          amount_fen: values.amountFen,
          counterparty: values.counterparty,
          counterparty_kind: 'organisation',
          description: values.description,
          occurred_on: lastDay,
          basis_kind: null,
          basis_ref: null,
          basis_label: null,
          formula: values.formula,
          created_by: accountOf(ctx),
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    changed = true;
  };
  const fees = await feesCollected(tx, s.street_id, s.compound_id, s.month);
  // A month whose refunds exceed what it collected shows no fee income: the refunds' own month carried the income.
  const feesFen = Math.max(0, fees.fen);
  await put('fees', {
    amountFen: feesFen,
    formula: `${s.month} 物业费实收 ${fees.payments} 笔，合计 ${yuan(feesFen)} 元（退款冲减当月）`,
    counterparty: '本小区业主',
    description: '物业服务费收入（平台缴费记录汇总）',
  });
  const income = await tx
    .selectFrom('fee_book_lines')
    .select(sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('fen'))
    .where('street_id', '=', s.street_id)
    .where('statement_id', '=', s.id)
    .where('direction', '=', 'income')
    .executeTakeFirstOrThrow();
  const company = (await compoundServices(tx, s.compound_id)).propertyCompany;
  const pay = remunerationOf(account, Number(income.fen));
  await put('remuneration', { ...pay, counterparty: company?.name ?? '物业服务企业', description: '物业服务酬金（酬金制）' });
  return changed;
}

/** A change to a draft's lines: both confirmations are cleared — what was confirmed is not what is there now. */
export async function clearConfirmations(tx: Tx, ctx: Ctx, s: { street_id: string; id: string }) {
  await tx
    .updateTable('fee_book_statements')
    .set({ committee_confirmed_by: null, committee_confirmed_at: null, company_confirmed_by: null, company_confirmed_at: null, updated_at: ctx.kernel.clock.now() })
    .where('street_id', '=', s.street_id)
    .where('id', '=', s.id)
    .execute();
}
