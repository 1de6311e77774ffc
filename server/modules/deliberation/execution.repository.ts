import { sql } from 'kysely';
import type { Actor } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx } from '../../kernel/context.ts';
import { CommonErrors } from '../../kernel/errors.ts';
import { type DeliberationPermission } from './deliberation.constants.ts';
import type { Executor, Tx } from './deliberation.db.ts';
import { DeliberationErrors } from './deliberation.errors.ts';
import { allows } from './deliberation.policy.ts';
import { type ItemRow, lockItem, settingsFor } from './deliberation.repository.ts';
import { ExecutionErrors } from './execution.errors.ts';
import { rollUp } from './rollup.ts';
import { moveItem } from './use-cases/move-item.ts';

/** SQL and checks shared by the execution use cases (stages 4–6). */

/** Today in China (YYYY-MM-DD) by the kernel's clock: a task is overdue once its deadline is before today. */
export const todayOf = (ctx: Pick<Ctx, 'kernel'>) => chinaDay(ctx.kernel.clock.now());

/** `t.done_at is null and t.deadline < today`: the overdue flag every task list shows. */
export const overdueSql = (today: string) => sql<boolean>`(t.done_at is null and t.deadline < ${today}::date)`;

/**
 * An item an official acts on: 404 unless the actor may read it or do `permission` at its place (report-only
 * bodies such as the property staff carry tasks out without the read grant), 403 when they see it but may not
 * do `permission`.
 */
export function checkItem<T extends { place_path: string } | undefined>(actor: Actor, item: T, permission: DeliberationPermission): NonNullable<T> {
  if (!item) throw DeliberationErrors.ITEM_NOT_FOUND();
  const may = allows(actor, permission, item.place_path);
  if (!may && !allows(actor, 'read', item.place_path)) throw DeliberationErrors.ITEM_NOT_FOUND();
  if (!may) throw CommonErrors.FORBIDDEN();
  return item as NonNullable<T>;
}

/** The item of a task, locked (item first, then the task: every write takes them in that order). */
export async function lockTaskAndItem(tx: Tx, actor: Actor, taskId: string, permission: DeliberationPermission) {
  const ref = await tx.selectFrom('dlb_tasks').select('item_id').where('id', '=', taskId).executeTakeFirst();
  if (!ref) throw ExecutionErrors.TASK_NOT_FOUND();
  const item = await lockItem(tx, ref.item_id);
  if (!item || !(allows(actor, permission, item.place_path) || allows(actor, 'read', item.place_path))) throw ExecutionErrors.TASK_NOT_FOUND();
  checkItem(actor, item, permission);
  const task = await tx.selectFrom('dlb_tasks').selectAll().where('street_id', '=', item.street_id).where('id', '=', taskId).forUpdate().executeTakeFirstOrThrow();
  return { item, task };
}

export function requireExecuting(item: ItemRow) {
  if (item.stage !== 'executing') throw DeliberationErrors.WRONG_STAGE({ stage: item.stage });
}

/**
 * Keeps the item's progress the mean of its tasks' (rounded down) and, when every task is done, sends it to the
 * residents: stage 6 opens its next rating round for the place's rating days. In the caller's transaction, with
 * the item locked.
 */
export async function refreshRollUp(tx: Tx, ctx: Ctx, item: ItemRow): Promise<{ percent: number; opened: boolean }> {
  const tasks = await tx.selectFrom('dlb_tasks').select('progress_percent').where('street_id', '=', item.street_id).where('item_id', '=', item.id).execute();
  const { percent, allDone } = rollUp(tasks.map((t) => t.progress_percent));
  if (percent !== item.progress_percent) {
    await tx.updateTable('dlb_items').set({ progress_percent: percent, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', item.street_id).where('id', '=', item.id).execute();
  }
  if (!allDone || item.stage !== 'executing') return { percent, opened: false };
  const settings = await settingsFor(tx, item.street_id, item.place_path);
  const now = ctx.kernel.clock.now();
  const round = item.rating_round + 1;
  const closes = new Date(now.getTime() + settings.ratingDays * 86_400_000);
  await moveItem(tx, ctx, { ...item, progress_percent: percent }, {
    to: 'evaluating',
    kind: 'rating_opened',
    detail: { round, closesAt: closes.toISOString(), ratingDays: settings.ratingDays },
    patch: { rating_round: round, rating_opens_at: now, rating_closes_at: closes },
  });
  return { percent, opened: true };
}

/** Whether a resident's household may see the item: a current household under its place. */
export const itemOnlyId = (db: Executor, id: string) =>
  db
    .selectFrom('dlb_items as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .selectAll('i')
    .select(['p.path as place_path', 'p.name as place_name', 'p.kind as place_kind'])
    .where('i.id', '=', id)
    .executeTakeFirst();

/** The tasks of items, in order, with the overdue flag. */
export function tasksOf(db: Executor, streetId: string, itemIds: readonly string[], today: string) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dlb_tasks as t')
    .selectAll('t')
    .select(overdueSql(today).as('overdue'))
    .where('t.street_id', '=', streetId)
    .where('t.item_id', 'in', [...itemIds])
    .orderBy('t.item_id')
    .orderBy('t.no')
    .execute();
}

export const photoUrl = (id: string) => `/api/deliberation/photos/${id}`;

/** Ratings of an item per round: count, sum, poor-count-free distribution (1–5). */
export async function roundsOf(db: Executor, streetId: string, itemId: string) {
  const rows = await db
    .selectFrom('dlb_ratings')
    .select(['round', 'score', sql<number>`count(*)::int`.as('n')])
    .where('street_id', '=', streetId)
    .where('item_id', '=', itemId)
    .groupBy(['round', 'score'])
    .execute();
  const verdicts = await db
    .selectFrom('dlb_events')
    .select(['kind', 'detail', 'at'])
    .where('street_id', '=', streetId)
    .where('item_id', '=', itemId)
    .where('kind', 'in', ['verdict_stands', 'verdict_accepted', 'reopened', 'escalated'])
    .execute();
  const rounds = new Map<number, { round: number; count: number; sum: number; distribution: number[] }>();
  for (const r of rows) {
    const x = rounds.get(r.round) ?? { round: r.round, count: 0, sum: 0, distribution: [0, 0, 0, 0, 0] };
    x.count += r.n;
    x.sum += r.n * r.score;
    x.distribution[r.score - 1] = r.n;
    rounds.set(r.round, x);
  }
  const outcomes = new Map<number, { outcome: string; at: Date }>();
  for (const v of verdicts) {
    const d = v.detail as { round?: number; outcome?: string };
    if (typeof d.round === 'number' && typeof d.outcome === 'string') outcomes.set(d.round, { outcome: d.outcome, at: v.at });
  }
  for (const round of outcomes.keys()) if (!rounds.has(round)) rounds.set(round, { round, count: 0, sum: 0, distribution: [0, 0, 0, 0, 0] });
  return [...rounds.values()]
    .sort((a, b) => a.round - b.round)
    .map((r) => ({
      round: r.round,
      count: r.count,
      meanCenti: r.count ? Math.floor((r.sum * 100) / r.count) : 0,
      distribution: r.distribution,
      outcome: outcomes.get(r.round)?.outcome ?? null,
      settledAt: outcomes.get(r.round)?.at ?? null,
    }));
}
