import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { billView } from './get-bill.ts';
import { payerRooms } from './payer-access.ts';

/**
 * A resident's bills, per room they pay for (payer-access.ts: owners, co-owners, authorised tenants): open bills
 * first (oldest due first) with the room's total due, then the paid and written-off ones, newest first (the last
 * 24 per room). Developer bills are never a resident's.
 */
export async function myBills(ctx: Ctx) {
  const rooms = await payerRooms(read(ctx), ctx);
  if (!rooms.length) return { rooms: [], totalDueFen: 0 };
  const rows = await read(ctx)
    .selectFrom('fee_bills as b')
    .select([
      'b.id',
      'b.room_id as roomId',
      'b.period_label as periodLabel',
      'b.period_start as periodStart',
      'b.period_end as periodEnd',
      'b.source',
      'b.amount_fen as amountFen',
      'b.adjusted_fen as adjustedFen',
      'b.paid_fen as paidFen',
      'b.status',
      'b.due_on as dueOn',
      sql<number>`row_number() over (partition by b.room_id, b.status = 'open' order by b.period_start desc)`.as('n'),
    ])
    .where('b.room_id', 'in', rooms.map((r) => r.roomId))
    .where('b.payer_kind', '=', 'owners')
    .orderBy('b.period_start', 'desc')
    .orderBy('b.id')
    .execute();
  let totalDueFen = 0;
  const out = rooms.map((room) => {
    const mine = rows.filter((b) => b.roomId === room.roomId).map(({ n, ...b }) => ({ ...b, n, dueFen: b.status === 'open' ? b.amountFen + b.adjustedFen - b.paidFen : 0 }));
    const open = mine.filter((b) => b.status === 'open').reverse();
    const closed = mine.filter((b) => b.status !== 'open' && b.n <= 24);
    const dueFen = open.reduce((s, b) => s + b.dueFen, 0);
    totalDueFen += dueFen;
    const strip = ({ n: _n, ...b }: (typeof mine)[number]) => b;
    return { roomId: room.roomId, roomLabel: room.roomLabel, owner: room.owner, dueFen, open: open.map(strip), history: closed.map(strip) };
  });
  return { rooms: out, totalDueFen };
}

/** One of the resident's bills with its lines; any other bill (another room's, a developer's) answers 404. */
export async function myBill(ctx: Ctx, billId: string) {
  const db = read(ctx);
  const bill = await db.selectFrom('fee_bills').select(['room_id', 'payer_kind']).where('id', '=', billId).executeTakeFirst();
  if (!bill || bill.payer_kind !== 'owners' || !(await payerRooms(db, ctx)).some((r) => r.roomId === bill.room_id)) throw FeesErrors.BILL_NOT_FOUND();
  const { companyId: _c, streetId: _s, ...view } = await billView(db, billId, { staff: false });
  return view;
}

/** The home section: what the resident's rooms owe in all. */
export async function myDueTotal(ctx: Ctx) {
  const rooms = await payerRooms(read(ctx), ctx);
  if (!rooms.length) return null;
  const row = await read(ctx)
    .selectFrom('fee_bills')
    .select([sql<string>`coalesce(sum(amount_fen + adjusted_fen - paid_fen), 0)`.as('due'), sql<string>`count(*)`.as('n')])
    .where('room_id', 'in', rooms.map((r) => r.roomId))
    .where('payer_kind', '=', 'owners')
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return { dueFen: Number(row.due), openBills: Number(row.n) };
}
