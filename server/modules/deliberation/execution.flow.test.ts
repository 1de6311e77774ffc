import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../kernel/errors.ts';
import { loadPublicPage, publicPage } from '../../kernel/public/public-pages.ts';
import { read } from './deliberation.db.ts';
import { ctxFor, dayPlus, executingItem, jpeg, setSettings, taskBody, uploadAs, useExecutionWorld } from './execution.test-support.ts';
import { todayOf } from './execution.repository.ts';
import { addSupervisionNote } from './use-cases/add-supervision-note.ts';
import { itemExecution } from './use-cases/item-execution.ts';
import { myItemExecution } from './use-cases/my-item-execution.ts';
import { planTask } from './use-cases/plan-tasks.ts';
import { rateItem } from './use-cases/rate-item.ts';
import { reportProgress } from './use-cases/report-progress.ts';
import { settleVerdicts } from './use-cases/settle-verdicts.ts';

/**
 * Stages 4–6 end to end: tasks roll up into the item's progress (mean, rounded down); the last task done opens
 * the residents' rating for the place's days; one rating per household per round, only while open, only for
 * households under the item's place; the verdict job closes, reopens or escalates at the exact thresholds.
 */
const DAY = 86_400_000;
const { env, w, signedIn, setUp } = useExecutionWorld();
const staff = signedIn('committee_staff');
const alice = signedIn('13800000001');
const zed = signedIn('13800000004');
const ctx = {
  staff: setUp('staff ctx', () => ctxFor(env.kernel, w.accounts.committee_staff)),
  secretary: setUp('secretary ctx', () => ctxFor(env.kernel, w.accounts.community_secretary)),
  alice: setUp('alice ctx', () => ctxFor(env.kernel, w.accounts.resident)),
  family: setUp('family ctx', () => ctxFor(env.kernel, w.accounts.family)),
  tom: setUp('tom ctx', () => ctxFor(env.kernel, w.accounts.tom)),
  sun: setUp('sun ctx', () => ctxFor(env.kernel, w.accounts.sun)),
  zed: setUp('zed ctx', () => ctxFor(env.kernel, w.accounts.zed)),
};
const itemRow = (id: string) => read(env.kernel).selectFrom('dlb_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const refusal = async (p: Promise<unknown>): Promise<[number, string]> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return [e.status, e.code];
    throw e;
  }
  return [0, 'allowed'];
};

/** An item whose tasks are all done, so its rating round is open. */
async function evaluatingItem(placeId: string, title: string) {
  const id = await executingItem(env.kernel, placeId, title);
  const t = await planTask(ctx.staff, id, taskBody('更换灯泡', dayPlus(todayOf(env), 10)));
  await reportProgress(ctx.secretary, t.id, { percent: 100, note: '已完成' });
  return id;
}
const rate = (who: keyof typeof ctx, id: string, score: number, comment = '') => rateItem(ctx[who], id, { score, comment });

describe('tasks roll up into the item', () => {
  test('the mean of the tasks, rounded down; the last task done opens the rating window from the settings', async () => {
    await setSettings(env.kernel, w.places.A, { ratingDays: 7, minRatings: 2, reopenBelowCenti: 300, poorSharePercent: 30, poorScoreMax: 2, maxReopens: 1 });
    const id = await executingItem(env.kernel, w.places.A);
    assert.equal((await itemRow(id)).progress_percent, 0, 'no tasks: 0');
    const deadline = dayPlus(todayOf(env), 5);
    const ids: string[] = [];
    for (const title of ['更换灯泡', '修理线路', '验收']) {
      const r = await staff.request('POST', `/api/deliberation/items/${id}/tasks`, taskBody(title, deadline));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ids.push(r.body.id);
    }
    assert.equal((await staff.request('POST', `/api/deliberation/tasks/${ids[0]}/progress`, { percent: 50, note: '进行中' })).status, 201);
    const photo = await uploadAs(env.app, 'community_secretary', `/api/deliberation/tasks/${ids[1]}/progress`, { percent: '51', note: '线路已换一半' }, [jpeg(1), jpeg(2)]);
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    assert.equal(photo.body.photoIds.length, 2);
    // (50 + 51 + 0) / 3 = 33.67 → 33
    assert.equal((await itemRow(id)).progress_percent, 33);
    const back = await staff.request('POST', `/api/deliberation/tasks/${ids[0]}/progress`, { percent: 49 });
    assert.deepEqual([back.status, back.body.error.code], [400, 'PROGRESS_BACKWARDS']);

    // The photos: the staff and the households under the place see them; a resident elsewhere does not.
    const photoUrl = `/api/deliberation/photos/${photo.body.photoIds[0]}`;
    assert.equal((await staff.request('GET', photoUrl)).status, 200);
    assert.equal((await alice.request('GET', photoUrl)).status, 200);
    assert.equal((await zed.request('GET', photoUrl)).status, 404);

    await staff.request('POST', `/api/deliberation/tasks/${ids[0]}/progress`, { percent: 100 });
    await staff.request('POST', `/api/deliberation/tasks/${ids[1]}/progress`, { percent: 100 });
    let item = await itemRow(id);
    assert.deepEqual([item.stage, item.progress_percent], ['executing', 66], '(100 + 100 + 0) / 3 = 66.67 → 66');
    const now = env.kernel.clock.now();
    const last = await staff.request('POST', `/api/deliberation/tasks/${ids[2]}/progress`, { percent: 100, note: '验收合格' });
    assert.equal(last.body.evaluating, true);
    item = await itemRow(id);
    assert.deepEqual([item.stage, item.progress_percent, item.rating_round], ['evaluating', 100, 1]);
    assert.equal(item.rating_opens_at!.getTime(), now.getTime());
    assert.equal(item.rating_closes_at!.getTime(), now.getTime() + 7 * DAY, 'the place sets 7 rating days');
    const done = await staff.request('POST', `/api/deliberation/tasks/${ids[2]}/progress`, { percent: 100 });
    assert.equal(done.status, 409, 'no more reports once the item is rated');
  });

  test('an item with no tasks never goes to the residents', async () => {
    const id = await executingItem(env.kernel, w.places.A, '无任务');
    const t = await planTask(ctx.staff, id, taskBody('临时', dayPlus(todayOf(env), 3)));
    assert.equal((await staff.request('DELETE', `/api/deliberation/tasks/${t.id}`)).status, 200);
    const item = await itemRow(id);
    assert.deepEqual([item.stage, item.progress_percent], ['executing', 0]);
  });
});

describe('the residents rate once per household, while the window is open', () => {
  test('one rating per household; another compound 404; not before nor after the window', async () => {
    const notYet = await executingItem(env.kernel, w.places.A, '未完成');
    assert.deepEqual(await refusal(rate('alice', notYet, 5)), [409, 'RATING_CLOSED'], 'still executing');
    const id = await evaluatingItem(w.places.A, '评价测试');
    const first = await alice.request('POST', `/api/me/deliberation/items/${id}/rating`, { score: 4, comment: '不错' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(await refusal(rate('family', id, 1)), [409, 'ALREADY_RATED'], 'the second member of A-1-101');
    assert.deepEqual((await alice.request('POST', `/api/me/deliberation/items/${id}/rating`, { score: 4 })).body.error.code, 'ALREADY_RATED');
    assert.equal((await zed.request('POST', `/api/me/deliberation/items/${id}/rating`, { score: 1 })).status, 404, 'a resident of another compound');
    assert.equal((await zed.request('GET', `/api/me/deliberation/items/${id}/execution`)).status, 404);
    const mine = await alice.request('GET', `/api/me/deliberation/items/${id}/execution`);
    assert.deepEqual([mine.body.rating.mine.score, mine.body.rating.canRate, mine.body.results], [4, false, []], 'no result while the window is open');
    env.clock.advance(15 * DAY);
    assert.deepEqual(await refusal(rate('tom', id, 3)), [409, 'RATING_CLOSED'], 'after the window');
  });
});

describe('the verdict job at the thresholds, end to end', () => {
  test('too few stands; a mean of exactly 3.00 closes; below it reopens; reopened the maximum, it escalates to the street', async () => {
    env.clock.advance(30 * DAY);
    await settleVerdicts(env.kernel); // the earlier tests' rounds, out of the way
    // Settings at A: min 2 ratings, reopen below 3.00 or over 30 % poor (≤ 2), at most 1 reopen, 7 days.
    const few = await evaluatingItem(w.places.A, '评价太少');
    await rate('alice', few, 1);
    const exact = await evaluatingItem(w.places.A, '刚好三分');
    await rate('alice', exact, 3);
    await rate('tom', exact, 3);
    const poor = await evaluatingItem(w.places.A, '不满意');
    await rate('alice', poor, 3, '还行');
    await rate('tom', poor, 2, '灯还是不亮');
    await rate('sun', poor, 4);
    // poor: sum 9 of 3 → 900 ≥ 900 is not below 3.00; 1 poor of 3 → 100 > 90: the share rule reopens it.

    env.clock.advance(7 * DAY - 1000);
    assert.deepEqual(await settleVerdicts(env.kernel), { settled: 0, outcomes: {} }, 'the window is still open');
    env.clock.advance(1000);
    const settled = await settleVerdicts(env.kernel);
    assert.deepEqual(settled.outcomes, { stands: 1, closed: 1, reopen: 1 });
    assert.equal((await itemRow(few)).stage, 'closed');
    assert.equal((await itemRow(exact)).stage, 'closed');
    const board = await publicPage('deliberation.tracking')!.load(env.kernel, { id: w.places.A, locale: 'zh-CN' });
    assert.match(JSON.stringify(board), /居民评价 3\.00 分（2 户）/, "the board shows a round's mean and count");
    let item = await itemRow(poor);
    assert.deepEqual([item.stage, item.reopen_count], ['executing', 1]);
    const reopened = await read(env.kernel).selectFrom('dlb_events').select(['detail', 'note']).where('item_id', '=', poor).where('kind', '=', 'reopened').executeTakeFirstOrThrow();
    assert.deepEqual((reopened.detail as { comments: string[] }).comments, ['灯还是不亮'], "the poor ratings' comments are the reasons");
    assert.match(reopened.note, /差评/);

    // Reopened once (= maxReopens): officials add a task, it is done, and a poor round now escalates.
    const t = await planTask(ctx.staff, poor, taskBody('重新检修', dayPlus(todayOf(env), 3)));
    assert.equal((await itemRow(poor)).progress_percent, 50, '(100 + 0) / 2');
    await reportProgress(ctx.secretary, t.id, { percent: 100 });
    item = await itemRow(poor);
    assert.deepEqual([item.stage, item.rating_round], ['evaluating', 2]);
    await rate('alice', poor, 1, '依然没修好');
    await rate('tom', poor, 2);
    env.clock.advance(7 * DAY);
    assert.deepEqual((await settleVerdicts(env.kernel)).outcomes, { escalate: 1 });
    assert.equal((await itemRow(poor)).stage, 'escalated');
    assert.deepEqual(await settleVerdicts(env.kernel), { settled: 0, outcomes: {} }, 'settled once');
    const told = await read(env.kernel)
      .selectFrom('notify_batches')
      .select(['template'])
      .where('subject_id', '=', poor)
      .where('template', '=', 'deliberation.item_escalated')
      .execute();
    assert.equal(told.length, 1, 'the street is told once');
    const mine = await myItemExecution(ctx.alice, poor);
    assert.deepEqual(
      mine.results.map((r) => [r.round, r.count, r.meanCenti, r.outcome]),
      [
        [1, 3, 300, 'reopen'],
        [2, 2, 150, 'escalate'],
      ],
    );
  });
});

describe('internal notes stay on the workbench', () => {
  test('the resident API and the public pages show only public notes', async () => {
    const id = await executingItem(env.kernel, w.places.A, '监督测试');
    await addSupervisionNote(ctx.secretary, id, { text: '公开：请物业按时完成', isPublic: true });
    await addSupervisionNote(ctx.secretary, id, { text: '内部：物业经理态度差', isPublic: false });
    // (The clock has moved past the sessions' lifetime: the use cases are called directly.)
    const staffView = await itemExecution(ctx.staff, id);
    assert.deepEqual(staffView.notes.map((n) => n.isPublic), [false, true]);
    const mine = await myItemExecution(ctx.alice, id);
    assert.deepEqual(mine.notes.map((n) => n.text), ['公开：请物业按时完成']);
    const page = await loadPublicPage(env.kernel, publicPage('deliberation.item')!, id, 'zh-CN');
    const board = await loadPublicPage(env.kernel, publicPage('deliberation.tracking')!, w.places.A, 'zh-CN');
    assert.match(JSON.stringify(page), /公开：请物业按时完成/);
    assert.doesNotMatch(JSON.stringify(page) + JSON.stringify(board), /内部/);
    assert.match(JSON.stringify(board), /监督测试/);
    const anyone = await env.app.inject({ method: 'GET', url: `/api/public/deliberation.tracking/${w.places.A}` });
    assert.equal(anyone.statusCode, 200, 'no session needed');
    assert.doesNotMatch(anyone.body, /内部|张工/, 'no internal note, no responsible person');
  });
});
