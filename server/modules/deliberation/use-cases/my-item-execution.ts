import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { itemOnlyId, photoUrl, roundsOf, tasksOf, todayOf } from '../execution.repository.ts';
import { ratingOpen } from './rate-item.ts';
import { householdsUnder } from './resident-access.ts';

/**
 * A resident's view of an item's stages 4–6: only its public parts — the tasks (organisations, deadlines, progress,
 * photos; no names of people), the public supervision notes, the household's own rating, and each round's result
 * once its window has closed. A resident with no household under the item's place gets 404.
 */
export async function myItemExecution(ctx: Ctx, itemId: string) {
  const db = read(ctx);
  const item = await itemOnlyId(db, itemId);
  if (!item || item.stage === 'merged') throw DeliberationErrors.ITEM_NOT_FOUND();
  const rooms = await householdsUnder(db, ctx.actor, item.place_path);
  if (rooms.length === 0) throw DeliberationErrors.ITEM_NOT_FOUND();
  const today = todayOf(ctx);
  const now = ctx.kernel.clock.now();
  const [tasks, updates, notes, rounds, mine] = await Promise.all([
    tasksOf(db, item.street_id, [item.id], today),
    db.selectFrom('dlb_task_updates').select(['id', 'task_id', 'progress_percent', 'note', 'photo_ids', 'at']).where('street_id', '=', item.street_id).where('item_id', '=', item.id).orderBy('at').execute(),
    db.selectFrom('dlb_supervision_notes').select(['id', 'text', 'at']).where('street_id', '=', item.street_id).where('item_id', '=', item.id).where('is_public', '=', true).orderBy('at', 'desc').execute(),
    roundsOf(db, item.street_id, item.id),
    db
      .selectFrom('dlb_ratings')
      .select(['round', 'room_id', 'score', 'comment', 'at'])
      .where('street_id', '=', item.street_id)
      .where('item_id', '=', item.id)
      .where('room_id', 'in', rooms.map((r) => r.roomId))
      .orderBy('round', 'desc')
      .execute(),
  ]);
  const open = ratingOpen(item, now);
  const thisRound = mine.filter((r) => r.round === item.rating_round);
  // A round's result is shown once its window has closed (while open, the tally would sway the rest).
  const closedRounds = rounds.filter((r) => r.round < item.rating_round || (r.round === item.rating_round && (!item.rating_closes_at || item.rating_closes_at <= now)));
  return {
    item: {
      id: item.id,
      code: item.code,
      title: item.title,
      stage: item.stage,
      progressPercent: item.progress_percent,
      reopenCount: item.reopen_count,
      ratingRound: item.rating_round,
      ratingOpensAt: item.rating_opens_at,
      ratingClosesAt: item.rating_closes_at,
    },
    today,
    tasks: tasks.map((t) => ({
      id: t.id,
      no: t.no,
      title: t.title,
      organisationName: t.organisation_name,
      deadline: t.deadline,
      progressPercent: t.progress_percent,
      done: !!t.done_at,
      overdue: Boolean(t.overdue),
      updates: updates.filter((u) => u.task_id === t.id).map((u) => ({ id: u.id, percent: u.progress_percent, note: u.note, at: u.at, photos: u.photo_ids.map((p) => ({ id: p, url: photoUrl(p) })) })),
    })),
    notes: notes.map((n) => ({ id: n.id, text: n.text, at: n.at })),
    rating: {
      open,
      round: item.rating_round,
      closesAt: item.rating_closes_at,
      mine: thisRound[0] ? { score: thisRound[0].score, comment: thisRound[0].comment, at: thisRound[0].at } : null,
      canRate: open && thisRound.length < rooms.length,
    },
    results: closedRounds.map((r) => ({ round: r.round, count: r.count, meanCenti: r.meanCenti, outcome: r.outcome })),
  };
}
