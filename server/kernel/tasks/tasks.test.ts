import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { anotherLiveProcess, signIn } from '../../test/harness.ts';
import { PASSWORD, useKernelWorld } from '../../test/kernel-fixture.ts';
import { loadGrants } from '../auth/sessions.ts';
import { CommonErrors } from '../errors.ts';
import { endInterruptedTasks, startTask, waitForTask } from './tasks.ts';

const { env, w } = useKernelWorld();

const actorOf = async (role: 'street_official' | 'grid_worker') => ({
  ...SYSTEM_ACTOR,
  accountId: w.accounts[role],
  name: role,
  grants: await loadGrants(env.kernel.db, w.accounts[role]),
});

test('a task reports progress and its result to its starter only', async () => {
  const actor = await actorOf('street_official');
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const id = await startTask({ kernel: env.kernel, actor }, { kind: 'test', placeId: w.places.S }, async (progress) => {
    await progress(5, 10);
    await gate;
    await progress(10, 10);
    return { created: 10 };
  });
  const official = await signIn(env.app, 'street_official', PASSWORD);
  let view = (await official.request('GET', `/api/tasks/${id}`)).body;
  for (let i = 0; i < 50 && view.done === 0; i++) view = (await official.request('GET', `/api/tasks/${id}`)).body;
  assert.equal(view.status, 'running');
  assert.deepEqual([view.done, view.total], [5, 10]);
  const other = await signIn(env.app, 'grid_worker', PASSWORD);
  assert.equal((await other.request('GET', `/api/tasks/${id}`)).status, 404);
  release();
  const done = await waitForTask(env.kernel, actor, id);
  assert.equal(done.status, 'done');
  assert.deepEqual(done.result, { created: 10 });
});

test('a failing task ends as failed with its error code', async () => {
  const actor = await actorOf('street_official');
  const id = await startTask({ kernel: env.kernel, actor }, { kind: 'test', placeId: null }, async () => {
    throw CommonErrors.CONFLICT({ reason: 'x' });
  });
  const t = await waitForTask(env.kernel, actor, id);
  assert.equal(t.status, 'failed');
  assert.equal(t.error?.code, 'CONFLICT');
});

test('progress reported inside a transaction neither waits for it nor is lost', async () => {
  const actor = await actorOf('street_official');
  const id = await startTask({ kernel: env.kernel, actor }, { kind: 'test', placeId: w.places.S }, (progress) =>
    // Progress is reported from inside the work's transaction: had progress() awaited its own write
    // on a pool with no connection to spare, this work would wait for itself and never finish.
    env.kernel.db.transaction().execute(async (tx) => {
      await tx.selectFrom('places').select('id').limit(1).execute();
      for (let i = 1; i <= 7; i++) await progress(i, 7);
      return { steps: 7 };
    }),
  );
  const done = await waitForTask(env.kernel, actor, id, 20_000);
  assert.equal(done.status, 'done', JSON.stringify(done.error));
  assert.deepEqual([done.done, done.total, done.result], [7, 7, { steps: 7 }]);
});

test('running tasks whose process is gone are ended as interrupted; those of live processes and finished ones are left alone', async () => {
  const actor = await actorOf('street_official');
  const never = () => new Promise<never>(() => {});
  const statusOf = async (id: string) => (await env.kernel.db.selectFrom('tasks').select(['status', 'error']).where('id', '=', id).executeTakeFirstOrThrow());
  const other = await anotherLiveProcess(env.kernel);

  const mine = await startTask({ kernel: env.kernel, actor }, { kind: 'test', placeId: w.places.S }, never);
  const theirs = await startTask({ kernel: env.kernel, actor }, { kind: 'test', placeId: w.places.S }, never);
  await env.kernel.db.updateTable('tasks').set({ owner: other.instance }).where('id', '=', theirs).execute();
  const unowned = await startTask({ kernel: env.kernel, actor }, { kind: 'test', placeId: w.places.S }, never);
  await env.kernel.db.updateTable('tasks').set({ owner: null }).where('id', '=', unowned).execute();
  const finished = await startTask({ kernel: env.kernel, actor }, { kind: 'test', placeId: w.places.S }, async () => ({ ok: true }));
  assert.equal((await waitForTask(env.kernel, actor, finished)).status, 'done');

  assert.equal(await endInterruptedTasks(env.kernel.db, env.clock.now()), 1, 'only the task without a live owner');
  assert.deepEqual(await statusOf(unowned), { status: 'failed', error: { code: 'INTERRUPTED', message: 'The server stopped while this task ran; start it again.' } });
  assert.equal((await statusOf(mine)).status, 'running', 'this process is alive');
  assert.equal((await statusOf(theirs)).status, 'running', 'the other process is alive');

  // The other process dies: its session, and its lock, go with it.
  await other.end();
  assert.equal(await endInterruptedTasks(env.kernel.db, env.clock.now()), 1);
  assert.equal((await statusOf(theirs)).status, 'failed');
  assert.equal((await statusOf(mine)).status, 'running');
  assert.equal((await statusOf(finished)).status, 'done');
});
