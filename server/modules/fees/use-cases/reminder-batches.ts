import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, placeFilter } from '../fees.policy.ts';
import type { BatchesQuery } from '../fees.arrears.schemas.ts';
import { readablePlacePath } from './place-scope.ts';

export const BatchesSort = sortable({ createdAt: 'b.created_at', rooms: 'b.rooms', amount: 'b.amount_fen' }, { sort: 'createdAt', order: 'desc' }, 'b.id');

/** Staff: the reminder batches of their places, newest first. */
export async function listReminderBatches(ctx: Ctx, q: BatchesQuery) {
  const db = read(ctx);
  const underPath = await readablePlacePath(ctx, q.placeId);
  const base = () => {
    let s = db
      .selectFrom('fee_reminder_batches as b')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'b.street_id').onRef('p.id', '=', 'b.place_id'))
      .where(placeFilter(ctx.actor, 'read', 'b.place_id', 'p.path'));
    if (underPath) s = s.where('p.path', 'like', `${underPath}%`);
    return s;
  };
  const items = BatchesSort.orderBy(
    base().select(['b.id', 'b.place_id as placeId', pathLabel('p.path', ['compound', 'building']).as('placeLabel'), 'b.min_band as minBand', 'b.channels', 'b.rooms', 'b.amount_fen as amountFen', 'b.created_at as createdAt']),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count);
}

/**
 * A batch with each room's reminder and, per recipient and channel, the delivery status the kernel keeps
 * (notify_messages: queued, sending, sent, failed, skipped — 'cancelled' when a payment withdrew it).
 * Recipients' names are masked: the batch page is the property company's.
 */
export async function getReminderBatch(ctx: Ctx, id: string) {
  const db = read(ctx);
  const b = await db
    .selectFrom('fee_reminder_batches as b')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'b.street_id').onRef('p.id', '=', 'b.place_id'))
    .select(['b.id', 'b.street_id', 'p.path', pathLabel('p.path', ['compound', 'building']).as('placeLabel'), 'b.min_band as minBand', 'b.channels', 'b.rooms', 'b.amount_fen as amountFen', 'b.created_at as createdAt'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  if (!b || !allows(ctx.actor, 'read', b.path)) throw FeesErrors.REMINDER_BATCH_NOT_FOUND();
  const reminders = await db
    .selectFrom('fee_reminders as r')
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'r.street_id').onRef('room.id', '=', 'r.room_id'))
    .select(['r.id', 'r.room_id as roomId', pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'), 'r.amount_fen as amountFen', 'r.months_overdue as months', 'r.status', 'r.stopped_at as stoppedAt', 'r.notify_batch_id'])
    .where('r.street_id', '=', b.street_id)
    .where('r.batch_id', '=', b.id)
    .orderBy('room.path')
    .execute();
  const batchIds = reminders.flatMap((r) => (r.notify_batch_id ? [r.notify_batch_id] : []));
  const messages = batchIds.length
    ? await db
        .selectFrom('notify_messages as m')
        .innerJoin('accounts as a', 'a.id', 'm.account_id')
        .select(['m.batch_id', 'm.account_id', 'a.display_name', 'm.channel', 'm.status', 'm.error', 'm.sent_at as sentAt', 'm.read_at as readAt'])
        .where('m.street_id', '=', b.street_id)
        .where('m.batch_id', 'in', batchIds)
        .orderBy('m.account_id')
        .orderBy('m.channel')
        .execute()
    : [];
  const { street_id: _s, path: _p, ...batch } = b;
  const counts: Record<string, number> = {};
  for (const m of messages) {
    const key = m.status === 'skipped' && m.error === 'cancelled' ? 'cancelled' : m.status;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return {
    ...batch,
    counts,
    reminders: reminders.map(({ notify_batch_id, ...r }) => {
      const mine = messages.filter((m) => m.batch_id === notify_batch_id);
      const recipients = [...new Set(mine.map((m) => m.account_id))].map((accountId) => {
        const rows = mine.filter((m) => m.account_id === accountId);
        return {
          name: maskName(rows[0]!.display_name),
          channels: rows.map((m) => ({ channel: m.channel, status: m.status === 'skipped' && m.error === 'cancelled' ? ('cancelled' as const) : m.status, error: m.error, sentAt: m.sentAt, readAt: m.readAt })),
        };
      });
      return { ...r, recipients };
    }),
  };
}

