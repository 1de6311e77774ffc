import type { Ctx } from '../../../kernel/context.ts';
import { autoCloseDaysFor, updateOrder } from '../repairs.repository.ts';
import { getOrder } from './get-order.ts';
import { changeOrder } from './order-access.ts';
import { checkPhotos, storePhotos, type Upload, withPhotos } from './photos.ts';

const DAY = 24 * 60 * 60_000;

/**
 * The work is done (完工): a note and photos of the result. The resident may now rate it; nobody
 * rating it closes it after the compound's auto-close days. Finishing late flags it overdue.
 */
export async function finishOrder(ctx: Ctx, id: string, input: { note: string }, uploads: Upload[] = []) {
  const photos = checkPhotos(uploads);
  await withPhotos(ctx, (written) =>
    changeOrder(ctx, id, 'finish', async (tx, order, now) => {
      const { days } = await autoCloseDaysFor(tx, order.compound_id);
      const late = now > order.complete_by;
      await updateOrder(tx, id, {
        status: 'finished',
        finished_at: now,
        finish_note: input.note,
        close_by: new Date(now.getTime() + days * DAY),
        overdue: order.overdue || late,
        rating: null,
        rating_comment: null,
        rated_at: null,
        updated_at: now,
      });
      await storePhotos(tx, ctx, { streetId: order.street_id, orderId: id, placeId: order.place_id, stage: 'finish', at: now }, photos, written);
      return { to: 'finished', note: input.note, detail: { photos: photos.length, ...(late ? { late: true } : {}) } };
    }),
  );
  return getOrder(ctx, id);
}
