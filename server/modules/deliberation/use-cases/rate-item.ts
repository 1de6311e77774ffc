import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { lockItem } from '../deliberation.repository.ts';
import { ExecutionErrors } from '../execution.errors.ts';
import type { RatingBody } from '../execution.schemas.ts';
import { householdsUnder } from './resident-access.ts';

/** Whether an item's rating window is open at `now`. */
export const ratingOpen = (item: { stage: string; rating_opens_at: Date | null; rating_closes_at: Date | null }, now: Date) =>
  item.stage === 'evaluating' && !!item.rating_opens_at && !!item.rating_closes_at && item.rating_opens_at <= now && now < item.rating_closes_at;

/**
 * Stage 6 (居民评价): a household under the item's place rates the outcome 1–5 with a comment, once per household
 * and round — the first member of the room to rate speaks for it (a second answers 409 ALREADY_RATED) — and only
 * while the window is open. A resident of another place does not see the item at all (404).
 */
export async function rateItem(ctx: Ctx, itemId: string, body: RatingBody) {
  return write(ctx, async (tx) => {
    const item = await lockItem(tx, itemId);
    if (!item) throw DeliberationErrors.ITEM_NOT_FOUND();
    const rooms = await householdsUnder(tx, ctx.actor, item.place_path);
    if (rooms.length === 0 || !ctx.actor.accountId) throw DeliberationErrors.ITEM_NOT_FOUND();
    const now = ctx.kernel.clock.now();
    if (!ratingOpen(item, now)) throw ExecutionErrors.RATING_CLOSED();
    const rated = new Set(
      (
        await tx
          .selectFrom('dlb_ratings')
          .select('room_id')
          .where('street_id', '=', item.street_id)
          .where('item_id', '=', item.id)
          .where('round', '=', item.rating_round)
          .where('room_id', 'in', rooms.map((r) => r.roomId))
          .execute()
      ).map((r) => r.room_id),
    );
    // A resident with more than one household here rates for each in turn, in the rooms' order.
    const room = rooms.find((r) => !rated.has(r.roomId));
    if (!room) throw ExecutionErrors.ALREADY_RATED();
    const inserted = await tx
      .insertInto('dlb_ratings')
      .values({ street_id: item.street_id, item_id: item.id, round: item.rating_round, room_id: room.roomId, account_id: ctx.actor.accountId, score: body.score, comment: body.comment, at: now })
      .onConflict((oc) => oc.columns(['street_id', 'item_id', 'round', 'room_id']).doNothing())
      .returning('room_id')
      .executeTakeFirst();
    if (!inserted) throw ExecutionErrors.ALREADY_RATED();
    await audit(tx, ctx, { action: 'deliberation.rating.submitted', placeId: item.place_id, subjectType: 'deliberation_item', subjectId: item.id, after: { round: item.rating_round, score: body.score } });
    return { round: item.rating_round, score: body.score, roomLabel: room.roomLabel };
  });
}
