import { type Actor, can, type Role } from '../access/index.ts';
import { findPlace } from '../access/places.ts';
import type { Ctx, Kernel } from '../context.ts';
import { CommonErrors } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Db } from '../db/index.ts';
import { ownerGone } from '../db/liveness.ts';

/**
 * Long work (an import of 160,000 households, a PDF of a building's slips) runs in the background
 * as a task whose progress the client polls: GET /api/tasks/:id → { status, done, total, result }.
 * The request that starts it answers at once with the task id, so the server stays responsive.
 */
export interface TaskProgress {
  /** Reports progress; writes are throttled, so call it as often as convenient. */
  (done: number, total: number): Promise<void>;
}

export interface TaskView {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result: unknown;
  error: { code: string; message: string } | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const PROGRESS_WRITE_MS = 250;

/** Starts `work` in the background and returns its task id. Errors end the task as failed with their code. */
export async function startTask(
  ctx: Ctx,
  input: { kind: string; placeId: string | null },
  work: (progress: TaskProgress) => Promise<unknown>,
): Promise<string> {
  const { db, clock } = ctx.kernel;
  const id = newId();
  await db
    .insertInto('tasks')
    .values({
      id,
      kind: input.kind,
      place_id: input.placeId,
      status: 'running',
      done: 0,
      total: 0,
      created_by: ctx.actor.accountId,
      created_at: clock.now(),
      owner: ctx.kernel.instance,
    })
    .execute();
  // Progress writes are throttled, coalesced (one running, one queued that takes the latest figures)
  // and never awaited: work inside a transaction may report progress, and on the embedded database
  // that write has to wait until the transaction ends.
  let last = { done: 0, total: 0 };
  let lastWrite = 0;
  let queued = false;
  let writing: Promise<void> = Promise.resolve();
  const progress: TaskProgress = async (done, total) => {
    last = { done, total };
    const now = Date.now();
    if (queued || (now - lastWrite < PROGRESS_WRITE_MS && done < total)) return;
    queued = true;
    lastWrite = now;
    writing = writing
      .then(async () => {
        queued = false;
        await db.updateTable('tasks').set(last).where('id', '=', id).where('status', '=', 'running').execute();
      })
      .catch(() => {});
  };
  void (async () => {
    try {
      const result = await work(progress);
      await writing;
      await db
        .updateTable('tasks')
        .set({ status: 'done', done: last.total, total: last.total, result: JSON.stringify(result ?? null), finished_at: clock.now() })
        .where('id', '=', id)
        .execute();
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'INTERNAL';
      const message = err instanceof Error ? err.message : String(err);
      await writing;
      await db
        .updateTable('tasks')
        .set({ status: 'failed', error: JSON.stringify({ code, message }), finished_at: clock.now() })
        .where('id', '=', id)
        .execute()
        .catch(() => {});
    }
  })();
  return id;
}

/** A task as its starter (or anyone with one of `viewerRoles` over its place) may see it. */
export async function getTask(kernel: Kernel, actor: Actor, id: string, viewerRoles: readonly Role[] = []): Promise<TaskView> {
  const row = await kernel.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw CommonErrors.NOT_FOUND({ what: actor.locale === 'en' ? 'task' : '任务' });
  if (row.created_by !== actor.accountId) {
    const place = row.place_id ? await findPlace(kernel.db, row.place_id) : undefined;
    if (!place || !can(actor, viewerRoles, place.path)) throw CommonErrors.NOT_FOUND({ what: actor.locale === 'en' ? 'task' : '任务' });
  }
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    done: row.done,
    total: row.total,
    result: parse(row.result) ?? null,
    error: parse(row.error) ?? null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** Waits until a task finishes (tests and the CLI). */
export async function waitForTask(kernel: Kernel, actor: Actor, id: string, timeoutMs = 600_000): Promise<TaskView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const t = await getTask(kernel, actor, id);
    if (t.status !== 'running') return t;
    if (Date.now() > until) throw new Error(`task ${id} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Tasks a crash cut short would stay `running` for ever: those whose process is gone (db/liveness.ts)
 * are ended as failed, so the pages polling them stop and say so. Tasks other live processes are
 * running are left alone. Returns how many were ended.
 */
export async function endInterruptedTasks(db: Db, now: Date): Promise<number> {
  const ended = await db
    .updateTable('tasks')
    .set({ status: 'failed', error: JSON.stringify({ code: 'INTERRUPTED', message: 'The server stopped while this task ran; start it again.' }), finished_at: now })
    .where('status', '=', 'running')
    .where(ownerGone('tasks.owner'))
    .executeTakeFirst();
  return Number(ended.numUpdatedRows);
}
