import { accountOf } from './arrears-scope.ts';
import { pathLabel } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { cancelQueued, notify } from '../../../kernel/notify/notify.ts';
import { currentMembersOfRoom } from '../../registry/index.ts';
import { arrearsRooms } from '../fees.arrears.repository.ts';
import { read, type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import type { ReminderBody } from '../fees.arrears.schemas.ts';
import { BAND_MIN_MONTHS, yuan } from './arrears-rules.ts';
import { arrearsScope } from './arrears-scope.ts';

/** Who hears a room's reminder: its owners and co-owners of record, and the tenants they authorised to pay. */
async function payersOf(tx: Tx, streetId: string, roomId: string): Promise<string[]> {
  const owners = (await currentMembersOfRoom(tx, roomId)).filter((m) => m.relations.includes('owner') || m.relations.includes('co_owner')).map((m) => m.personId);
  const tenants = (
    await tx.selectFrom('fee_tenant_payers').select('person_id').where('street_id', '=', streetId).where('room_id', '=', roomId).where('revoked_at', 'is', null).execute()
  ).map((t) => t.person_id);
  return [...new Set([...owners, ...tenants])];
}

/**
 * A reminder batch (催缴): the rooms under a compound or building whose oldest overdue bill is at least in the
 * chosen band, each reminded of what it owes, on the chosen channels. Each room's reminder is its own kernel
 * sending (its room and amount are in the text), tied to the room's fee_reminders row — so a payment for the
 * room withdraws exactly its queued messages (stopReminders below) — and the messages per recipient and channel
 * carry the delivery status the batch page shows.
 */
export async function sendReminders(ctx: Ctx, input: ReminderBody) {
  const { place, streetId, day } = await arrearsScope(ctx, input.placeId, 'bill');
  if (place.kind !== 'compound' && place.kind !== 'building') throw FeesErrors.NOT_COMPOUND_OR_BUILDING();
  const db = read(ctx);
  const rooms = await db
    .selectFrom(arrearsRooms(db, streetId, place.path, day).as('r'))
    .select(['r.roomId', 'r.compoundId', 'r.owedFen', 'r.months', pathLabel('r.roomPath', ['compound', 'building', 'unit', 'room']).as('roomLabel')])
    .where('r.months', '>=', BAND_MIN_MONTHS[input.minBand])
    .orderBy('r.roomPath')
    .execute();
  if (rooms.length === 0) throw FeesErrors.NO_ARREARS();
  const compoundId = rooms[0]!.compoundId;
  return write(ctx, async (tx) => {
    const at = ctx.kernel.clock.now();
    const id = newId();
    await tx
      .insertInto('fee_reminder_batches')
      .values({ street_id: streetId, id, place_id: place.id, compound_id: compoundId, min_band: input.minBand, channels: [...input.channels], created_by: accountOf(ctx), created_at: at })
      .execute();
    let reached = 0;
    let amount = 0;
    for (const r of rooms) {
      const reminderId = newId();
      const persons = await payersOf(tx, streetId, r.roomId);
      const sent = persons.length
        ? await notify(tx, ctx, {
            template: 'fees.arrears_reminder',
            placeId: r.roomId,
            to: { persons },
            data: { room: r.roomLabel, amount: yuan(Number(r.owedFen)), months: r.months },
            channels: input.channels,
            subject: { type: 'fee_reminder', id: reminderId },
          })
        : null;
      await tx
        .insertInto('fee_reminders')
        .values({ street_id: streetId, id: reminderId, batch_id: id, room_id: r.roomId, amount_fen: Number(r.owedFen), months_overdue: r.months, notify_batch_id: sent?.batchId ?? null, recipients: sent?.recipients ?? 0 })
        .execute();
      reached += sent?.recipients ?? 0;
      amount += Number(r.owedFen);
    }
    await tx.updateTable('fee_reminder_batches').set({ rooms: rooms.length, amount_fen: amount }).where('street_id', '=', streetId).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'fees.reminders.sent',
      placeId: place.id,
      subjectType: 'fee_reminder_batch',
      subjectId: id,
      detail: { rooms: rooms.length, recipients: reached, amountFen: amount, minBand: input.minBand, channels: input.channels },
    });
    return { id, rooms: rooms.length, recipients: reached, amountFen: amount };
  });
}

/**
 * A payment stops the reminders of the rooms it paid for (called by book-payment.ts in the booking's
 * transaction): the queued, not yet sent messages of their live reminders are withdrawn (kernel notify
 * `cancelQueued`) and the reminders marked stopped. What was delivered already cannot be called back.
 */
export async function stopReminders(tx: Tx, ctx: Ctx, input: { streetId: string; roomIds: readonly string[] }): Promise<number> {
  if (input.roomIds.length === 0) return 0;
  const live = await tx
    .selectFrom('fee_reminders')
    .select(['id', 'notify_batch_id'])
    .where('street_id', '=', input.streetId)
    .where('room_id', 'in', [...input.roomIds])
    .where('status', '=', 'sent')
    .execute();
  if (live.length === 0) return 0;
  await cancelQueued(tx, { streetId: input.streetId, batchIds: live.flatMap((r) => (r.notify_batch_id ? [r.notify_batch_id] : [])) });
  await tx
    .updateTable('fee_reminders')
    .set({ status: 'stopped', stopped_at: ctx.kernel.clock.now() })
    .where('street_id', '=', input.streetId)
    .where('id', 'in', live.map((r) => r.id))
    .execute();
  return live.length;
}

