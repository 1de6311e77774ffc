import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { isSystem } from '../../../kernel/access/index.ts';
import { newId } from '../../../kernel/ids.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import type { Executor, Tx } from '../volunteers.db.ts';
import type { LedgerSource } from '../volunteers.tables.ts';

export interface LedgerEntry {
  streetId: string;
  personId: string;
  /** Where the points were earned or spent (an activity's, a task's or a reward's place): scopes who sees the line. */
  placeId: string;
  source: { kind: LedgerSource; id: string };
  note?: string;
}

/**
 * Credits a person's service: `minutes` of service time and `points` (zero or more) for one source — an activity's
 * confirmed hours, a confirmed task. Inside the caller's transaction (which writes the audit entry). A source pays a
 * person once: a second credit for the same source refuses with ALREADY_CREDITED, and the unique key holds it even
 * against a racing transaction. Returns the new balance.
 */
export async function creditService(tx: Tx, ctx: Ctx, entry: LedgerEntry & { minutes: number; points: number }): Promise<number> {
  if (!Number.isInteger(entry.minutes) || !Number.isInteger(entry.points) || entry.minutes < 0 || entry.points < 0) throw new RangeError('credit: whole, non-negative minutes and points');
  if (entry.minutes === 0 && entry.points === 0) return (await pointsOf(tx, entry.streetId, entry.personId)).balance;
  const account = await tx
    .insertInto('vol_point_accounts')
    .values({ street_id: entry.streetId, person_id: entry.personId, balance: entry.points, earned: entry.points, minutes: entry.minutes })
    .onConflict((oc) =>
      oc.columns(['street_id', 'person_id']).doUpdateSet({
        balance: sql`vol_point_accounts.balance + ${entry.points}`,
        earned: sql`vol_point_accounts.earned + ${entry.points}`,
        minutes: sql`vol_point_accounts.minutes + ${entry.minutes}`,
        updated_at: sql`now()`,
      }),
    )
    .returning('balance')
    .executeTakeFirstOrThrow();
  await insertLine(tx, ctx, entry, entry.points, entry.minutes, account.balance);
  return account.balance;
}

/**
 * Spends `points` of a person's balance (a reward redeemed). One conditional update: when the balance is short,
 * nothing changes and POINTS_INSUFFICIENT names both figures — the balance can never go below zero, whatever runs
 * beside it. Returns the new balance.
 */
export async function debitPoints(tx: Tx, ctx: Ctx, entry: LedgerEntry & { points: number }): Promise<number> {
  if (!Number.isInteger(entry.points) || entry.points <= 0) throw new RangeError('debit: a whole, positive number of points');
  const account = await tx
    .updateTable('vol_point_accounts')
    .set({ balance: sql`balance - ${entry.points}`, updated_at: sql`now()` })
    .where('street_id', '=', entry.streetId)
    .where('person_id', '=', entry.personId)
    .where('balance', '>=', entry.points)
    .returning('balance')
    .executeTakeFirst();
  if (!account) {
    const { balance } = await pointsOf(tx, entry.streetId, entry.personId);
    throw VolunteersErrors.POINTS_INSUFFICIENT({ balance, needed: entry.points });
  }
  await insertLine(tx, ctx, entry, -entry.points, 0, account.balance);
  return account.balance;
}

async function insertLine(tx: Tx, ctx: Ctx, entry: LedgerEntry, delta: number, minutes: number, balanceAfter: number) {
  const line = await tx
    .insertInto('vol_points_ledger')
    .values({
      street_id: entry.streetId,
      id: newId(),
      person_id: entry.personId,
      place_id: entry.placeId,
      delta,
      minutes,
      balance_after: balanceAfter,
      source_kind: entry.source.kind,
      source_id: entry.source.id,
      note: entry.note ?? '',
      created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      created_at: ctx.kernel.clock.now(),
    })
    .onConflict((oc) => oc.columns(['street_id', 'source_kind', 'source_id', 'person_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  // The account was already changed in this transaction: refusing rolls it back with the line.
  if (!line) throw VolunteersErrors.ALREADY_CREDITED();
}

/** A person's points and service time in a street (zeros before the first credit). */
export async function pointsOf(db: Executor, streetId: string, personId: string): Promise<{ balance: number; earned: number; minutes: number }> {
  const row = await db.selectFrom('vol_point_accounts').select(['balance', 'earned', 'minutes']).where('street_id', '=', streetId).where('person_id', '=', personId).executeTakeFirst();
  return row ?? { balance: 0, earned: 0, minutes: 0 };
}
