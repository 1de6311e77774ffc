import { sql } from 'kysely';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { billingRoomsUnder, currentMembersOfRoom, householdTagsOn } from '../../registry/index.ts';
import type { Tx } from '../fees.db.ts';
import { chinaDayOf, policyOn, policyVersions } from './subsidy-policy.ts';
import { monthsBilled, subsidyFor } from './subsidy-rules.ts';

/**
 * 先缴后补: the subsidy lines of bills that have just become paid, in the payment's transaction (book-payment.ts
 * calls it). A bill earns a line when the street's policy of the bill's date (the China day it was issued — not
 * today) names a tag that a member of the room's household held that day (the registry's tag history). Only the
 * property-service bills of owners (generated per period) are subsidised. The amount is subsidyFor's, capped per
 * household and bill period; the payee is the person who paid when they belong to the household, else its first
 * member (owners first). Idempotent: a bill with a standing line gets nothing more (and a unique index stands behind it).
 */
export async function grantSubsidiesForPaidBills(tx: Tx, ctx: Ctx, billIds: readonly string[], payerAccountId: string | null = null): Promise<{ billId: string; lineId: string; amountFen: number }[]> {
  if (billIds.length === 0) return [];
  const bills = await tx
    .selectFrom('fee_bills as b')
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'b.street_id').onRef('room.id', '=', 'b.room_id'))
    .select(['b.street_id', 'b.id', 'b.room_id', 'b.compound_id', 'b.period_label', 'b.period_start', 'b.period_end', 'b.paid_fen', 'room.path as roomPath'])
    .select(chinaDayOf('b.issued_at').as('day'))
    .where('b.id', '=', sql<string>`any(${[...billIds]}::uuid[])`)
    .where('b.status', '=', 'paid')
    .where('b.source', '=', 'generated')
    .where('b.payer_kind', '=', 'owners')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fee_subsidy_lines as l').select('l.id').whereRef('l.street_id', '=', 'b.street_id').whereRef('l.bill_id', '=', 'b.id').where('l.status', '=', 'granted'))))
    .orderBy('b.period_start')
    .orderBy('b.id')
    .execute();
  if (bills.length === 0) return [];
  const payerPerson = payerAccountId ? ((await tx.selectFrom('accounts').select('person_id').where('id', '=', payerAccountId).executeTakeFirst())?.person_id ?? null) : null;
  const versionsOf = new Map<string, Awaited<ReturnType<typeof policyVersions>>>();
  const granted: { billId: string; lineId: string; amountFen: number }[] = [];
  const now = ctx.kernel.clock.now();
  for (const b of bills) {
    if (!versionsOf.has(b.street_id)) versionsOf.set(b.street_id, await policyVersions(tx, b.street_id));
    const policy = policyOn(versionsOf.get(b.street_id)!, b.day);
    if (!policy) continue;
    const tags = (await householdTagsOn(tx, [b.room_id], b.day, policy.tags)).get(b.room_id);
    if (!tags?.length) continue;
    const members = await currentMembersOfRoom(tx, b.room_id);
    const payee = members.find((m) => m.personId === payerPerson) ?? members[0];
    if (!payee) continue;
    const area = policy.mode === 'per_area' ? ((await billingRoomsUnder(tx, b.street_id, b.roomPath, b.day)).find((r) => r.roomId === b.room_id)?.areaCenti ?? 0) : 0;
    // Locks the household's period, so two payments of one period at once cannot both fill the cap.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`fees.subsidy:${b.room_id}:${b.period_label}`}, 0))`.execute(tx);
    const before = await tx
      .selectFrom('fee_subsidy_lines')
      .select(sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('fen'))
      .where('street_id', '=', b.street_id)
      .where('room_id', '=', b.room_id)
      .where('period_label', '=', b.period_label)
      .where('status', '=', 'granted')
      .executeTakeFirstOrThrow();
    const s = subsidyFor(policy, { paidFen: b.paid_fen, areaCenti: area, months: monthsBilled(b.period_start, b.period_end) }, Number(before.fen));
    if (s.amountFen <= 0) continue;
    const id = newId();
    await tx
      .insertInto('fee_subsidy_lines')
      .values({
        street_id: b.street_id,
        id,
        bill_id: b.id,
        room_id: b.room_id,
        compound_id: b.compound_id,
        policy_id: policy.id,
        period_label: b.period_label,
        bill_day: b.day,
        tags,
        payee_person_id: payee.personId,
        payee_name: payee.name,
        basis_fen: b.paid_fen,
        amount_fen: s.amountFen,
        formula: s.formula,
        granted_at: now,
      })
      .execute();
    await audit(tx, ctx, {
      action: 'fees.subsidy.granted',
      placeId: b.compound_id,
      subjectType: 'fee_subsidy_line',
      subjectId: id,
      detail: { billId: b.id, period: b.period_label, billDay: b.day, tags, amountFen: s.amountFen, formula: s.formula, policyId: policy.id },
    });
    granted.push({ billId: b.id, lineId: id, amountFen: s.amountFen });
  }
  return granted;
}

/**
 * A refund that reopens a bill reverses its standing subsidy line, in the refund's transaction. A line not yet on a
 * payout statement is simply reversed (it will never be paid out); a line already on one keeps its payout line, and
 * the payout kind adds a reversing line to the payee's next statement (its `reversal_id` is that line's source).
 */
export async function reverseSubsidiesForBills(tx: Tx, ctx: Ctx, billIds: readonly string[], reason: string): Promise<number> {
  if (billIds.length === 0) return 0;
  const lines = await tx
    .selectFrom('fee_subsidy_lines as l')
    .innerJoin('fee_bills as b', (j) => j.onRef('b.street_id', '=', 'l.street_id').onRef('b.id', '=', 'l.bill_id'))
    .select(['l.street_id', 'l.id', 'l.bill_id', 'l.compound_id', 'l.amount_fen'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('payout_lines as p').select('p.id').whereRef('p.street_id', '=', 'l.street_id').where('p.source_type', '=', 'fee_subsidy').whereRef('p.source_id', '=', 'l.id'))
        .as('onStatement'),
    )
    .where('l.bill_id', '=', sql<string>`any(${[...billIds]}::uuid[])`)
    .where('l.status', '=', 'granted')
    .where('b.status', '=', 'open')
    .forUpdate('l')
    .execute();
  const now = ctx.kernel.clock.now();
  for (const l of lines) {
    const reversalId = l.onStatement ? newId() : null;
    await tx.updateTable('fee_subsidy_lines').set({ status: 'reversed', reversed_at: now, reversal_id: reversalId }).where('street_id', '=', l.street_id).where('id', '=', l.id).execute();
    await audit(tx, ctx, {
      action: 'fees.subsidy.reversed',
      placeId: l.compound_id,
      subjectType: 'fee_subsidy_line',
      subjectId: l.id,
      detail: { billId: l.bill_id, amountFen: l.amount_fen, reason, onStatement: l.onStatement, reversalId },
    });
  }
  return lines.length;
}
