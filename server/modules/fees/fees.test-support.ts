import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Kernel } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import type { PayerKind } from './fees.constants.ts';
import { write } from './fees.db.ts';

/**
 * Shared by the fees tests: an open bill put straight into the tables, as generation would leave it, so the
 * payments, receipts and arrears tests need not run the generator (generate-bills has its own tests).
 */
export async function openBill(
  kernel: Kernel,
  input: { roomId: string; compoundId: string; companyId: string | null; amountFen: number; periodLabel?: string; periodStart?: string; periodEnd?: string; dueOn?: string; payerKind?: PayerKind },
): Promise<string> {
  const ctx = { kernel, actor: SYSTEM_ACTOR };
  const id = newId();
  const periodLabel = input.periodLabel ?? '2026-11';
  const periodStart = input.periodStart ?? `${periodLabel}-01`;
  const periodEnd = input.periodEnd ?? '2026-12-01';
  const streetId = (await kernel.db.selectFrom('street_places').select('street_id').where('id', '=', input.roomId).executeTakeFirstOrThrow()).street_id;
  await write(ctx, async (tx) => {
    await tx
      .insertInto('fee_bills')
      .values({
        street_id: streetId,
        id,
        room_id: input.roomId,
        compound_id: input.compoundId,
        company_id: input.companyId,
        bill_key: `${periodLabel}:${input.payerKind ?? 'owners'}:${id}`,
        period_label: periodLabel,
        period_start: periodStart,
        period_end: periodEnd,
        payer_kind: input.payerKind ?? 'owners',
        amount_fen: input.amountFen,
        due_on: input.dueOn ?? periodStart,
        created_by: null,
      })
      .execute();
    await tx
      .insertInto('fee_bill_lines')
      .values({ street_id: streetId, bill_id: id, line_no: 1, item_id: null, label: '物业服务费', formula: `${(input.amountFen / 100).toFixed(2)} 元`, amount_fen: input.amountFen })
      .execute();
  });
  return id;
}
