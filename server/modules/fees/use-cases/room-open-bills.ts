import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { staffPlace } from './staff-scope.ts';

/** The counter's view of a room: its open bills (owners' and developer's), oldest first, with what each owes now. */
export async function roomOpenBills(ctx: Ctx, roomId: string) {
  const db = read(ctx);
  const room = await staffPlace(ctx, db, roomId, 'bill');
  if (room.kind !== 'room') throw FeesErrors.PLACE_NOT_FOUND();
  const bills = await db
    .selectFrom('fee_bills')
    .select(['id', 'period_label as periodLabel', 'payer_kind as payerKind', 'due_on as dueOn', 'amount_fen', 'adjusted_fen', 'paid_fen'])
    .where('street_id', '=', room.street_id!)
    .where('room_id', '=', room.id)
    .where('status', '=', 'open')
    .orderBy('period_start')
    .orderBy('id')
    .execute();
  return { roomId: room.id, roomName: room.name, items: bills.map((b) => ({ id: b.id, periodLabel: b.periodLabel, payerKind: b.payerKind, dueOn: b.dueOn, dueFen: b.amount_fen + b.adjusted_fen - b.paid_fen })) };
}
