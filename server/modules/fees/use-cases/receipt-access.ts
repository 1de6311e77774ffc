import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { organisationNames } from '../../registry/index.ts';
import type { Executor } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, authorize } from '../fees.policy.ts';
import { payerRooms } from './payer-access.ts';

/** A receipt as every view of it shows it (list rows, the page, the PDF, the public check). */
export function receiptQuery(db: Executor) {
  return db
    .selectFrom('fee_receipts as r')
    .innerJoin('fee_payments as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.payment_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.compound_id'))
    .select([
      'r.id',
      'r.street_id as streetId',
      'r.no',
      'r.issuer_id as issuerId',
      'r.compound_id as compoundId',
      'c.path as compoundPath',
      'c.name as compoundName',
      'r.amount_fen as amountFen',
      'r.payer_name_masked as payerNameMasked',
      'r.room_label as roomLabel',
      'r.items_label as periods',
      'r.issued_at as issuedAt',
      'r.status',
      'r.void_reason as voidReason',
      'r.voided_at as voidedAt',
      'p.no as paymentNo',
      'p.channel',
      'p.voucher_no as voucherNo',
    ])
    .select(pathLabel('c.path', ['community', 'compound']).as('placeLabel'))
    .select(
      sql<boolean>`exists (select 1 from approvals a where a.kind = 'fees.receipt_void' and a.status = 'pending' and a.place_id = r.compound_id and a.payload->>'receiptId' = r.id::text)`.as('voidPending'),
    );
}
export type ReceiptRow = NonNullable<Awaited<ReturnType<ReturnType<typeof receiptQuery>['executeTakeFirst']>>>;

/** The issuer's name: the property company (a registry organisation) or, without one, the street's centre. */
export async function issuerName(db: Executor, r: { issuerId: string; streetId: string }): Promise<string> {
  if (r.issuerId === r.streetId) {
    const street = await db.selectFrom('street_places').select('name').where('id', '=', r.streetId).executeTakeFirst();
    return `${street?.name ?? ''}便民服务中心`;
  }
  return (await organisationNames(db, [r.issuerId])).get(r.issuerId) ?? '';
}

/**
 * A receipt the acting staff member may `permission` at its compound. One they cannot even read answers 404;
 * one they read but may not act on, 403.
 */
export async function staffReceipt(db: Executor, ctx: Ctx, id: string, permission: 'read' | 'bill' | 'approve' = 'read'): Promise<ReceiptRow> {
  const r = await receiptQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r || !allows(ctx.actor, 'read', r.compoundPath)) throw FeesErrors.RECEIPT_NOT_FOUND();
  authorize(ctx.actor, permission, r.compoundPath);
  return r;
}

/** The rooms' receipts: those whose payment paid a bill of one of the rooms. */
export function receiptsOfRooms(db: Executor, roomIds: readonly string[]) {
  return receiptQuery(db).where(({ exists, selectFrom }) =>
    exists(
      selectFrom('fee_payment_allocations as a')
        .innerJoin('fee_bills as b', (j) => j.onRef('b.street_id', '=', 'a.street_id').onRef('b.id', '=', 'a.bill_id'))
        .select(sql`1`.as('one'))
        .whereRef('a.street_id', '=', 'r.street_id')
        .whereRef('a.payment_id', '=', 'r.payment_id')
        .where('b.room_id', 'in', roomIds.length ? [...roomIds] : ['00000000-0000-0000-0000-000000000000']),
    ),
  );
}

/** A receipt of one of the acting resident's rooms (payer-access.ts); anyone else's answers 404. */
export async function myReceipt(db: Executor, ctx: Ctx, id: string): Promise<ReceiptRow> {
  const rooms = await payerRooms(db, ctx);
  const r = await receiptsOfRooms(
    db,
    rooms.map((x) => x.roomId),
  )
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw FeesErrors.RECEIPT_NOT_FOUND();
  return r;
}
