import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { publicPage } from '../../kernel/public/public-pages.ts';
import { deliberationModule } from './index.ts';
import { read } from './deliberation.db.ts';
import { ctxFor, dayPlus, executingItem, taskBody, useExecutionWorld } from './execution.test-support.ts';
import { todayOf } from './execution.repository.ts';
import { escalateOverdue } from './use-cases/escalate-overdue.ts';
import { listTasks } from './use-cases/list-tasks.ts';
import { planTask } from './use-cases/plan-tasks.ts';
import { reportProgress } from './use-cases/report-progress.ts';
import { updateTask } from './use-cases/update-task.ts';
import { TasksQuery } from './execution.schemas.ts';

/**
 * The overdue job, driven by the kernel's clock: a task not done whose deadline (a day in China) has passed goes
 * to the street once — due yesterday escalates, due today does not, a done one does not, a second run sends
 * nothing new — and a later deadline lets a new lapse escalate again.
 */
const DAY = 86_400_000;
const { env, w, setUp } = useExecutionWorld();
const staff = setUp('staff', () => ctxFor(env.kernel, w.accounts.committee_staff));
const secretary = setUp('secretary', () => ctxFor(env.kernel, w.accounts.community_secretary));

const escalatedAt = async (id: string) => (await read(env.kernel).selectFrom('dlb_tasks').select('escalated_at').where('id', '=', id).executeTakeFirstOrThrow()).escalated_at;
const streetInbox = async () =>
  read(env.kernel)
    .selectFrom('notify_messages as m')
    .innerJoin('notify_batches as b', (j) => j.onRef('b.street_id', '=', 'm.street_id').onRef('b.id', '=', 'm.batch_id'))
    .select(['b.template', 'b.subject_id', 'm.account_id'])
    .where('m.channel', '=', 'inbox')
    .where('b.template', '=', 'deliberation.task_overdue')
    .execute();

describe('overdue tasks escalate to the street', () => {
  test('the jobs are in the manifest', () => {
    const names = deliberationModule.jobs?.map((j) => j.name) ?? [];
    for (const job of ['deliberation.escalate_overdue', 'deliberation.settle_verdicts']) assert.ok(names.includes(job), job);
  });

  test('exactly the overdue tasks, once each, as the clock moves', async () => {
    const id = await executingItem(env.kernel, w.places.A);
    const today = todayOf(env);
    const dueTomorrow = await planTask(staff, id, taskBody('明天到期', dayPlus(today, 1)));
    const dueInTwo = await planTask(staff, id, taskBody('后天到期', dayPlus(today, 2)));
    const doneTomorrow = await planTask(staff, id, taskBody('明天到期已完成', dayPlus(today, 1)));
    await reportProgress(secretary, doneTomorrow.id, { percent: 100 });
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 0 });

    env.clock.advance(DAY); // dueTomorrow is due today: not yet overdue
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 0 }, 'due today is not overdue');

    env.clock.advance(DAY); // dueTomorrow was due yesterday; dueInTwo is due today
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 1 });
    assert.ok(await escalatedAt(dueTomorrow.id));
    assert.equal(await escalatedAt(dueInTwo.id), null);
    assert.equal(await escalatedAt(doneTomorrow.id), null, 'a done task is never overdue');
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 0 }, 'a second run escalates nothing new');

    // The street hears: both street officials of S (their grants cover 阳光花园), once, of exactly that task.
    const told = await streetInbox();
    assert.deepEqual(told.map((m) => m.subject_id), [dueTomorrow.id, dueTomorrow.id]);
    assert.deepEqual(new Set(told.map((m) => m.account_id)), new Set([w.accounts.street_official, w.accounts.street_official2]));
    const event = await read(env.kernel).selectFrom('dlb_events').select(['kind', 'note']).where('item_id', '=', id).where('kind', '=', 'task_overdue').execute();
    assert.deepEqual(event, [{ kind: 'task_overdue', note: '明天到期' }]);
    const audit = await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', '=', dueTomorrow.id).where('action', '=', 'deliberation.task.overdue').execute();
    assert.equal(audit.length, 1);

    // The list flags it and the overdue filter finds it.
    const overdue = await listTasks(staff, TasksQuery.parse({ overdue: 'true', itemId: id }));
    assert.deepEqual(overdue.items.map((t) => [t.title, t.overdue]), [['明天到期', true]]);

    // The public tracking page flags it too (and names no person).
    const board = await publicPage('deliberation.tracking')!.load(env.kernel, { id: w.places.A, locale: 'zh-CN' });
    const list = board!.sections.find((x) => x.kind === 'list');
    assert.match(JSON.stringify(list), /1 项逾期/);
    assert.doesNotMatch(JSON.stringify(board), /张工/);

    // A later deadline clears the mark; missing it escalates again.
    await updateTask(staff, dueTomorrow.id, { deadline: dayPlus(todayOf(env), 1) });
    assert.equal(await escalatedAt(dueTomorrow.id), null);
    env.clock.advance(DAY);
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 1 }, 'dueInTwo, due yesterday now');
    env.clock.advance(DAY);
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 1 }, 'the new lapse of the moved task');
    assert.ok(await escalatedAt(dueTomorrow.id));
    assert.equal((await streetInbox()).length, 6);
  });
});
