import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../deliberation.db.ts';
import { allows } from '../deliberation.policy.ts';
import { checkItem, itemOnlyId, photoUrl, roundsOf, tasksOf, todayOf } from '../execution.repository.ts';
import { ratingOpen } from './rate-item.ts';

/**
 * The workbench's stages 4–6 of an item: its tasks (with overdue flags), every progress report with its photos,
 * the supervision notes (internal ones too: staff only), the rating rounds (distribution, comments, verdicts),
 * and what the official may do. Also for the bodies that only report progress (the property staff).
 */
export async function itemExecution(ctx: Ctx, itemId: string) {
  const db = read(ctx);
  // Those who carry tasks out (the property staff) see the item's execution to report on it, without the read grant.
  const found = await itemOnlyId(db, itemId);
  const item = checkItem(ctx.actor, found, found && allows(ctx.actor, 'report', found.place_path) ? 'report' : 'read');
  const today = todayOf(ctx);
  const [tasks, updates, notes, rounds, comments] = await Promise.all([
    tasksOf(db, item.street_id, [item.id], today),
    db.selectFrom('dlb_task_updates').selectAll().where('street_id', '=', item.street_id).where('item_id', '=', item.id).orderBy('at').orderBy('id').execute(),
    db.selectFrom('dlb_supervision_notes').selectAll().where('street_id', '=', item.street_id).where('item_id', '=', item.id).orderBy('at', 'desc').execute(),
    roundsOf(db, item.street_id, item.id),
    db
      .selectFrom('dlb_ratings')
      .select(['round', 'score', 'comment', 'at'])
      .where('street_id', '=', item.street_id)
      .where('item_id', '=', item.id)
      .where('comment', '<>', '')
      .orderBy('at', 'desc')
      .limit(200)
      .execute(),
  ]);
  const now = ctx.kernel.clock.now();
  return {
    item: {
      id: item.id,
      code: item.code,
      title: item.title,
      stage: item.stage,
      decisionText: item.decision_text,
      progressPercent: item.progress_percent,
      reopenCount: item.reopen_count,
      ratingRound: item.rating_round,
      ratingOpensAt: item.rating_opens_at,
      ratingClosesAt: item.rating_closes_at,
      ratingOpen: ratingOpen(item, now),
    },
    today,
    tasks: tasks.map((t) => ({
      id: t.id,
      no: t.no,
      title: t.title,
      organisationId: t.organisation_id,
      organisationName: t.organisation_name,
      responsiblePersonId: t.responsible_person_id,
      responsibleName: t.responsible_name,
      deadline: t.deadline,
      budgetFen: Number(t.budget_fen),
      progressPercent: t.progress_percent,
      doneAt: t.done_at,
      escalatedAt: t.escalated_at,
      overdue: Boolean(t.overdue),
      updates: updates
        .filter((u) => u.task_id === t.id)
        .map((u) => ({ id: u.id, percent: u.progress_percent, note: u.note, byName: u.by_name, at: u.at, photos: u.photo_ids.map((p) => ({ id: p, url: photoUrl(p) })) })),
    })),
    notes: notes.map((n) => ({ id: n.id, text: n.text, isPublic: n.is_public, byName: n.by_name, at: n.at })),
    rounds: rounds.map((r) => ({ ...r, comments: comments.filter((c) => c.round === r.round).map((c) => ({ score: c.score, comment: c.comment, at: c.at })) })),
    can: {
      plan: allows(ctx.actor, 'plan', item.place_path),
      report: allows(ctx.actor, 'report', item.place_path),
      supervise: allows(ctx.actor, 'supervise', item.place_path),
    },
  };
}
