import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildWorld, type World } from '../../test/fixture.ts';
import { countRows, type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { shareTenths } from './surveys.constants.ts';
import { SurveysSort } from './surveys.schemas.ts';
import { livingIn, QUESTIONS, residentSession, window } from './surveys.test-support.ts';
import { read } from './surveys.db.ts';
import { announceOpenedSurveys } from './use-cases/publish-survey.ts';
import { surveysForSubject } from './index.ts';

/**
 * The surveys module's rules: one answer per account or per household as set, owners-only, the answering
 * window, anonymous answers untraceable through the API, results equal to a hand count, bad input writes
 * nothing, drafts editable only while draft, residents told when a survey opens, the list sorts.
 */
let env: TestEnv;
let w: World;
let official: Session;
let committee: Session;
/** 王丽 owns A-101 (the fixture's resident); 王小丽 is her family there; 陈涛 rents A-102; 孙宁 rents A-201; 周强 owns A-103; 赵泽 owns Z-101. */
const r = {} as Record<'alice' | 'family' | 'tom' | 'sun' | 'zhou' | 'zed', Session & { accountId: string }>;
const TABLES = ['srv_surveys', 'srv_questions', 'srv_participations', 'srv_responses', 'srv_answers', 'audit_log'];

before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  official = await signIn(env.app, 'street_official');
  committee = await signIn(env.app, 'owners_committee_member');
  r.alice = Object.assign(await signIn(env.app, '13800000001'), { accountId: w.accounts.resident });
  r.family = (await livingIn(env.kernel, env.app, w, w.places.A, w.rooms.A101, '王小丽', 'family')).session;
  r.tom = await residentSession(env.kernel, env.app, w.persons.tom);
  r.sun = (await livingIn(env.kernel, env.app, w, w.places.A, w.rooms.A103, '孙宁', 'tenant')).session;
  r.zhou = (await livingIn(env.kernel, env.app, w, w.places.A, w.rooms.A201, '周强', 'owner')).session;
  r.zed = await residentSession(env.kernel, env.app, w.persons.zed);
});
after(() => env.close());

async function survey(by: Session, body: Record<string, unknown>, publish = true): Promise<string> {
  const created = await by.request('POST', '/api/surveys', { placeId: w.places.A, title: '测试问卷', questions: QUESTIONS, ...window(env.kernel, 0, 60), ...body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  if (publish) {
    const p = await by.request('POST', `/api/surveys/${created.body.id}/publish`);
    assert.equal(p.status, 200, JSON.stringify(p.body));
  }
  return created.body.id;
}
const FULL = [{ no: 1, choices: [0] }, { no: 2, choices: [1] }, { no: 3, scale: 4 }];
const answer = (s: Session, id: string, body: Record<string, unknown> = { answers: FULL }) => s.request('POST', `/api/me/surveys/${id}/answers`, body);

describe('one answer per account or per household, as the survey says', () => {
  test('per household: two members of one room — the second is refused; per account: both answer', async () => {
    const household = await survey(official, { answerPer: 'household' });
    assert.equal((await answer(r.alice, household)).status, 201);
    const second = await answer(r.family, household);
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'ALREADY_ANSWERED');
    const mine = await r.family.request('GET', `/api/me/surveys/${household}`);
    assert.equal(mine.body.state, 'answered', 'the household has answered: the family member sees it');

    const account = await survey(official, { answerPer: 'account' });
    assert.equal((await answer(r.alice, account)).status, 201);
    assert.equal((await answer(r.family, account)).status, 201);
    const again = await answer(r.alice, account);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ALREADY_ANSWERED');
    assert.equal((await official.request('GET', `/api/surveys/${account}`)).body.responses, 2);
  });

  test('the database holds the key: a second participation for the same household cannot be inserted', async () => {
    const id = await survey(official, { answerPer: 'household' });
    assert.equal((await answer(r.alice, id)).status, 201);
    const p = await read(env.kernel).selectFrom('srv_participations').selectAll().where('survey_id', '=', id).executeTakeFirstOrThrow();
    await assert.rejects(
      env.kernel.db
        .insertInto('srv_participations' as never)
        .values({ ...p, id: crypto.randomUUID(), account_id: r.family.accountId } as never)
        .execute(),
      (e: { code?: string }) => e.code === '23505',
    );
  });

  test('owners only: a tenant is refused, an owner answers', async () => {
    const id = await survey(official, { audience: 'owners' });
    const tenant = await answer(r.tom, id);
    assert.equal(tenant.status, 403);
    assert.equal(tenant.body.error.code, 'OWNERS_ONLY');
    assert.equal((await r.tom.request('GET', '/api/me/surveys')).body.items.some((s: { id: string }) => s.id === id), false, 'not listed for the tenant');
    assert.equal((await answer(r.alice, id)).status, 201);
  });

  test('a resident of another compound does not see the survey (404) and cannot answer', async () => {
    const id = await survey(official, {});
    const res = await answer(r.zed, id);
    assert.equal(res.status, 404);
    assert.equal((await r.zed.request('GET', `/api/me/surveys/${id}`)).status, 404);
  });

  test('not yet open and closed (by time or early) refuse; a draft is not there', async () => {
    const later = await survey(official, window(env.kernel, 10, 20));
    const early = await answer(r.alice, later);
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'NOT_YET_OPEN');
    env.clock.advance(11 * 60_000);
    assert.equal((await answer(r.alice, later)).status, 201, 'open once its time comes');
    const late = await answer(r.tom, later);
    assert.equal(late.status, 201);
    env.clock.advance(10 * 60_000);
    const closed = await answer(r.sun, later);
    assert.equal(closed.status, 409);
    assert.equal(closed.body.error.code, 'CLOSED');
    assert.equal((await official.request('GET', `/api/surveys/${later}`)).body.status, 'closed', 'past its closing time it reads closed');

    const closedEarly = await survey(official, {});
    assert.equal((await official.request('POST', `/api/surveys/${closedEarly}/close`)).status, 200);
    assert.equal((await answer(r.alice, closedEarly)).body.error.code, 'CLOSED');

    const draft = await survey(official, {}, false);
    assert.equal((await answer(r.alice, draft)).status, 404);
  });
});

describe('anonymous answers are not traceable through the API', () => {
  test('responses, results, texts and the xlsx carry no name, account or room; nothing joins a participation to a response', async () => {
    const id = await survey(official, { anonymous: true });
    const secret = '匿名意见甲';
    assert.equal((await answer(r.alice, id, { answers: [...FULL, { no: 4, text: secret }] })).status, 201);
    assert.equal((await answer(r.tom, id)).status, 201);

    const names = ['王丽', '王*', '陈涛', '陈*', '101', '102'];
    const ids = [r.alice.accountId, r.tom.accountId, w.accounts.resident, w.rooms.A101, w.rooms.A102, w.persons.alice, w.persons.tom];
    const participations = await read(env.kernel).selectFrom('srv_participations').select(['id', 'answered_at']).where('survey_id', '=', id).execute();
    const responses = await read(env.kernel).selectFrom('srv_responses').selectAll().where('survey_id', '=', id).execute();
    assert.equal(participations.length, 2);
    assert.equal(responses.length, 2);
    for (const row of responses) {
      assert.deepEqual([row.account_id, row.room_id, row.submitted_at], [null, null, null], 'an anonymous response keeps no account, room or instant');
      assert.equal(row.id[14], '4', 'a random (v4) id, not time-ordered');
    }
    const secrets = [...ids, ...participations.map((p) => p.id), ...responses.map((x) => x.id)];

    const api = [
      await official.request('GET', `/api/surveys/${id}/responses`),
      await official.request('GET', `/api/surveys/${id}/results`),
      await official.request('GET', `/api/surveys/${id}/texts?no=4`),
      await official.request('GET', `/api/surveys/${id}`),
      await r.alice.request('GET', `/api/me/surveys/${id}`),
      await r.alice.request('GET', '/api/me/surveys'),
    ];
    for (const res of api) {
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const text = JSON.stringify(res.body);
      for (const s of secrets) assert.ok(!text.includes(s), `${s} appears in ${text.slice(0, 200)}`);
      // A room label is matched as a word: '101' inside an id or a millisecond stamp is not a room.
      for (const n of names) assert.ok(!standsAlone(n).test(text), `${n} appears in ${text.slice(0, 200)}`);
    }
    assert.equal(api[4]!.body.myAnswer, null, 'the resident sees that they answered, not what: nothing links it back');
    assert.deepEqual(api[2]!.body.items, [{ text: secret }]);
    for (const item of api[0]!.body.items) assert.deepEqual([item.respondent, item.room, item.submittedAt], [null, null, null]);

    const xlsx = await official.request('GET', `/api/surveys/${id}/export.xlsx`);
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    const raw = await env.app.inject({ method: 'GET', url: `/api/surveys/${id}/export.xlsx`, headers: await headersOf(official) });
    await book.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
    assert.ok(cells.includes(secret), 'the xlsx has the texts');
    for (const s of [...secrets, ...names.filter((n) => !/^\d+$/.test(n))]) assert.ok(!cells.some((c) => c.includes(s)), `${s} in the xlsx`);

    // The audit names the participation for an anonymous answer, never the response.
    const audits = await env.kernel.db.selectFrom('audit_log').select(['subject_type', 'subject_id', 'detail']).where('action', '=', 'surveys.survey.answered').execute();
    const responseIds = new Set(responses.map((x) => x.id));
    for (const a of audits) assert.ok(!responseIds.has(a.subject_id!) && !JSON.stringify(a).includes(responses[0]!.id) && !JSON.stringify(a).includes(responses[1]!.id));
    const participationIds = new Set(participations.map((p) => p.id));
    assert.equal(audits.filter((a) => participationIds.has(a.subject_id!)).length, 2);
  });

  test('a named survey shows staff the masked name and the room of each response', async () => {
    const id = await survey(official, { anonymous: false });
    assert.equal((await answer(r.alice, id)).status, 201);
    const res = await official.request('GET', `/api/surveys/${id}/responses`);
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 1);
    assert.equal(res.body.items[0].respondent, '王*');
    assert.equal(res.body.items[0].room, '1栋 / 1单元 / 101');
    assert.ok(res.body.items[0].submittedAt);
    assert.ok(!JSON.stringify(res.body).includes('王丽'), 'never the full name');
    const mine = await r.alice.request('GET', `/api/me/surveys/${id}`);
    assert.deepEqual(
      mine.body.myAnswer.answers.map((a: { no: number }) => a.no),
      [1, 2, 3],
      'a resident sees their own answers to a named survey',
    );
  });
});

test('results equal a hand count', async () => {
  const id = await survey(official, {});
  // Five answers, fixed:            Q1 single      Q2 multiple (≤2)   Q3 scale 1–5   Q4 text
  const given: [Session, Record<string, unknown>[]][] = [
    [r.alice, [{ no: 1, choices: [0] }, { no: 2, choices: [0, 1] }, { no: 3, scale: 5 }, { no: 4, text: '甲' }]],
    [r.family, [{ no: 1, choices: [0] }, { no: 2, choices: [1] }, { no: 3, scale: 4 }]],
    [r.tom, [{ no: 1, choices: [1] }, { no: 2, choices: [1, 3] }, { no: 3, scale: 4 }, { no: 4, text: '乙' }]],
    [r.sun, [{ no: 1, choices: [0] }, { no: 2, choices: [2] }, { no: 3, scale: 1 }]],
    [r.zhou, [{ no: 1, choices: [2] }, { no: 2, choices: [1] }, { no: 3, scale: 2 }, { no: 4, text: '' }]],
  ];
  for (const [s, answers] of given) assert.equal((await answer(s, id, { answers })).status, 201);
  const res = await official.request('GET', `/api/surveys/${id}/results`);
  assert.equal(res.status, 200);
  const [q1, q2, q3, q4] = res.body.questions;
  // Q1: 支持 3, 反对 1, 弃权 1 of 5 → 60.0 %, 20.0 %, 20.0 %
  assert.deepEqual(q1.options, [
    { label: '支持', count: 3, shareTenths: 600 },
    { label: '反对', count: 1, shareTenths: 200 },
    { label: '弃权', count: 1, shareTenths: 200 },
  ]);
  // Q2: 插座 1, 烟感 4, 监控 1, 照明 1 of 5 respondents → 20.0 %, 80.0 %, 20.0 %, 20.0 %
  assert.deepEqual(
    q2.options.map((o: { count: number; shareTenths: number }) => [o.count, o.shareTenths]),
    [
      [1, 200],
      [4, 800],
      [1, 200],
      [1, 200],
    ],
  );
  // Q3: 5+4+4+1+2 = 16 over 5; distribution 1:1, 2:1, 3:0, 4:2, 5:1
  assert.deepEqual(q3.scale.mean, { numerator: 16, denominator: 5 });
  assert.deepEqual(
    q3.scale.distribution.map((d: { value: number; count: number }) => [d.value, d.count]),
    [
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 2],
      [5, 1],
    ],
  );
  // Q4: two texts (an empty one is no answer)
  assert.equal(q4.answered, 2);
  assert.equal(q4.texts.total, 2);
  const texts = await official.request('GET', `/api/surveys/${id}/texts?no=4`);
  assert.deepEqual(texts.body.items.map((t: { text: string }) => t.text).sort(), ['乙', '甲']);
  // Participation: 5 accounts of the resident accounts under 阳光花园 — 王丽, 王小丽, 陈涛, 孙宁, 周强 (赵泽 lives elsewhere).
  assert.deepEqual(res.body.participation, { answered: 5, eligible: 5, per: 'account' });
  // A third of something: 1 of 3 → 33.3 %, 2 of 3 → 66.7 % (rounded half up from integer parts).
  assert.deepEqual([shareTenths(1, 3), shareTenths(2, 3), shareTenths(1, 8), shareTenths(0, 0)], [333, 667, 125, 0]);
});

describe('bad input answers 4xx and writes nothing', () => {
  test('answers: required missing, choice out of range, too many choices, scale out of range, text too long, unknown question, wrong kind', async () => {
    const id = await survey(official, {});
    const before = await countRows(env.kernel, TABLES);
    const cases: [unknown, number, string][] = [
      [{ answers: [{ no: 1, choices: [0] }, { no: 2, choices: [1] }] }, 400, 'ANSWER_REQUIRED'],
      [{ answers: [{ no: 1, choices: [3] }, { no: 2, choices: [1] }, { no: 3, scale: 3 }] }, 400, 'CHOICE_OUT_OF_RANGE'],
      [{ answers: [{ no: 1, choices: [0, 1] }, { no: 2, choices: [1] }, { no: 3, scale: 3 }] }, 400, 'TOO_MANY_CHOICES'],
      [{ answers: [{ no: 1, choices: [0] }, { no: 2, choices: [0, 1, 2] }, { no: 3, scale: 3 }] }, 400, 'TOO_MANY_CHOICES'],
      [{ answers: [{ no: 1, choices: [0] }, { no: 2, choices: [1] }, { no: 3, scale: 6 }] }, 400, 'SCALE_OUT_OF_RANGE'],
      [{ answers: [{ no: 1, choices: [0] }, { no: 2, choices: [1] }, { no: 3, scale: 0 }] }, 400, 'SCALE_OUT_OF_RANGE'],
      [{ answers: [...FULL, { no: 4, text: '字'.repeat(1001) }] }, 400, 'TEXT_TOO_LONG'],
      [{ answers: [...FULL, { no: 9, text: '多' }] }, 400, 'ANSWER_UNKNOWN_QUESTION'],
      [{ answers: [{ no: 1, scale: 1 }, { no: 2, choices: [1] }, { no: 3, scale: 3 }] }, 400, 'ANSWER_KIND'],
      [{ answers: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ roomId: w.rooms.Z101, answers: FULL }, 403, 'NOT_ELIGIBLE'],
    ];
    for (const [body, status, code] of cases) {
      const res = await r.alice.request('POST', `/api/me/surveys/${id}/answers`, body);
      assert.equal(res.status, status, `${JSON.stringify(body).slice(0, 80)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code, JSON.stringify(body).slice(0, 80));
    }
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
    // With exactly 1000 characters it is taken.
    assert.equal((await answer(r.alice, id, { answers: [...FULL, { no: 4, text: '字'.repeat(1000) }] })).status, 201);
  });

  test('surveys: bad questions, dates, places', async () => {
    const before = await countRows(env.kernel, TABLES);
    const base = { placeId: w.places.A, title: '问卷', ...window(env.kernel, 0, 60) };
    const cases: [unknown, string][] = [
      [{ ...base, questions: [{ kind: 'single', prompt: '题', options: ['唯一'] }] }, 'BAD_QUESTION'],
      [{ ...base, questions: [{ kind: 'single', prompt: '题', options: Array.from({ length: 21 }, (_, i) => `选项${i}`) }] }, 'VALIDATION_FAILED'],
      [{ ...base, questions: [{ kind: 'multiple', prompt: '题', options: ['a', 'b'], maxChoices: 3 }] }, 'BAD_QUESTION'],
      [{ ...base, questions: [{ kind: 'scale', prompt: '题', min: 5, max: 5 }] }, 'BAD_QUESTION'],
      [{ ...base, questions: [{ kind: 'text', prompt: '题', options: ['a', 'b'] }] }, 'BAD_QUESTION'],
      [{ ...base, ...window(env.kernel, 60, 0) }, 'BAD_DATES'],
      [{ ...base, placeId: w.rooms.A101 }, 'PLACE_KIND'],
      [{ ...base, subjectType: 'deliberation.item' }, 'SUBJECT_INCOMPLETE'],
      [{ ...base, title: '' }, 'VALIDATION_FAILED'],
      [{ ...base, opensAt: '2026-13-01' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await official.request('POST', '/api/surveys', body);
      assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 120)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code);
    }
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
  });
});

test('a draft is editable, and only a draft: settings and questions refused once published; publishing needs a question', async () => {
  const id = await survey(official, { questions: [] }, false);
  const empty = await official.request('POST', `/api/surveys/${id}/publish`);
  assert.equal(empty.status, 409);
  assert.equal(empty.body.error.code, 'NO_QUESTIONS');
  assert.equal((await official.request('PATCH', `/api/surveys/${id}`, { title: '改过的标题', anonymous: true })).status, 200);
  const put = await official.request('PUT' as 'POST', `/api/surveys/${id}/questions`, { questions: QUESTIONS });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  const got = await official.request('GET', `/api/surveys/${id}`);
  assert.equal(got.body.title, '改过的标题');
  assert.equal(got.body.anonymous, true);
  assert.equal(got.body.questions.length, 4);
  assert.equal((await official.request('POST', `/api/surveys/${id}/publish`)).status, 200);

  const before = await countRows(env.kernel, TABLES);
  const patch = await official.request('PATCH', `/api/surveys/${id}`, { title: '再改' });
  assert.equal(patch.status, 409);
  assert.equal(patch.body.error.code, 'NOT_DRAFT');
  const put2 = await official.request('PUT' as 'POST', `/api/surveys/${id}/questions`, { questions: QUESTIONS.slice(0, 1) });
  assert.equal(put2.body.error.code, 'NOT_DRAFT');
  assert.equal((await official.request('POST', `/api/surveys/${id}/publish`)).body.error.code, 'NOT_DRAFT');
  assert.deepEqual(await countRows(env.kernel, TABLES), before);
});

test('residents are told when a survey opens: at once, or by the job when its time comes; owners only for an owners survey', async () => {
  const inboxHas = async (s: Session, title: string) =>
    (await s.request('GET', '/api/notify/inbox?pageSize=50')).body.items.some((m: { title: string }) => m.title.includes(title));
  await survey(committee, { title: '立即开始的问卷' });
  assert.equal(await inboxHas(r.alice, '立即开始的问卷'), true);
  assert.equal(await inboxHas(r.tom, '立即开始的问卷'), true);
  assert.equal(await inboxHas(r.zed, '立即开始的问卷'), false, 'not another compound');

  await survey(committee, { title: '业主稍后问卷', audience: 'owners', ...window(env.kernel, 5, 60) });
  assert.equal(await inboxHas(r.alice, '业主稍后问卷'), false, 'not before it opens');
  assert.deepEqual(await announceOpenedSurveys(env.kernel), { announced: 0 });
  env.clock.advance(6 * 60_000);
  assert.deepEqual(await announceOpenedSurveys(env.kernel), { announced: 1 });
  assert.deepEqual(await announceOpenedSurveys(env.kernel), { announced: 0 }, 'once');
  assert.equal(await inboxHas(r.alice, '业主稍后问卷'), true);
  assert.equal(await inboxHas(r.tom, '业主稍后问卷'), false, 'a tenant is not asked by an owners survey');
});

test("the resident home lists the open surveys I have not answered", async () => {
  const id = await survey(official, { title: '首页问卷' });
  const home = async () => (await r.sun.request('GET', '/api/me/home')).body;
  const before = await home();
  assert.ok(before.openSurveys.items.some((s: { id: string }) => s.id === id) || before.openSurveys.count > 3);
  assert.equal((await answer(r.sun, id)).status, 201);
  const afterwards = await home();
  assert.equal(afterwards.openSurveys.count, before.openSurveys.count - 1);
});

test('surveys attached to a subject: created with its fields, listed for it', async () => {
  const subjectId = crypto.randomUUID();
  const id = await survey(official, { title: '议题评价', subjectType: 'deliberation.item', subjectId, subjectStage: 'evaluate' });
  await answer(r.alice, id);
  const listed = await surveysForSubject(env.kernel.db, 'deliberation.item', subjectId, env.kernel.clock.now());
  assert.deepEqual(listed, [{ id, title: '议题评价', status: 'open', subjectStage: 'evaluate', responses: 1, eligible: 5 }]);
  const filtered = await official.request('GET', `/api/surveys?subjectType=deliberation.item&subjectId=${subjectId}`);
  assert.deepEqual(filtered.body.items.map((s: { id: string }) => s.id), [id]);
});

test('the list sorts by each of its columns, both ways; an unknown column answers 400', async () => {
  const ids: string[] = [];
  const now = env.kernel.clock.now().getTime();
  const at = (min: number) => new Date(now + min * 60_000).toISOString();
  for (const [title, opens, closes, answers] of [
    ['Sort B', 30, 90, 2],
    ['Sort C', 10, 120, 0],
    ['Sort A', 20, 60, 1],
  ] as const) {
    const id = await survey(official, { title, opensAt: at(-opens), closesAt: at(closes), placeId: w.places.G1 });
    const who = [r.alice, r.tom];
    for (let i = 0; i < answers; i++) assert.equal((await answer(who[i]!, id)).status, 201);
    ids.push(id);
  }
  const [b, c, a] = ids as [string, string, string];
  await expectSorts(env.kernel, official, `/api/surveys?placeId=${w.places.G1}&q=Sort`, SurveysSort, {
    opensAt: [b, a, c],
    closesAt: [a, b, c],
    responses: [c, a, b],
    title: [a, b, c],
  });
});

async function headersOf(s: Session) {
  // The session's cookie is private to the harness: sign in again for a raw inject (binary body).
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: s.login, password: 'Test@12345' } });
  const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
  return { cookie: `gz_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
}

test("my data lists the surveys I answered and my named answers; closing my account leaves my answers in the counts, nameless", async () => {
  const named = await survey(official, { title: '实名数据问卷' });
  const anonymous = await survey(official, { title: '匿名数据问卷', anonymous: true });
  const { session: leaver } = await livingIn(env.kernel, env.app, w, w.places.A, w.rooms.A102, '钱多', 'family');
  assert.equal((await answer(leaver, named, { answers: [...FULL, { no: 4, text: '我的实名意见' }] })).status, 201);
  assert.equal((await answer(leaver, anonymous, { answers: [...FULL, { no: 4, text: '我的匿名意见' }] })).status, 201);
  const raw = await env.app.inject({ method: 'GET', url: '/api/me/personal-data.xlsx', headers: await headersOf(leaver) });
  assert.equal(raw.statusCode, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
  const cells = (name: string) => {
    const out: string[] = [];
    book.getWorksheet(name)?.eachRow((row) => row.eachCell((c) => void out.push(String(c.value))));
    return out;
  };
  assert.ok(cells('问卷参与').includes('实名数据问卷') && cells('问卷参与').includes('匿名数据问卷'), 'both surveys taken part in');
  assert.ok(cells('问卷回答（实名）').includes('我的实名意见'), 'the named answer');
  assert.ok(!cells('问卷回答（实名）').includes('我的匿名意见'), 'never the anonymous answer: nothing links it to me');

  assert.equal((await leaver.request('POST', '/api/me/close-account', { confirm: true })).status, 200);
  const rows = await read(env.kernel).selectFrom('srv_responses').select(['account_id', 'room_id', 'submitted_at']).where('survey_id', '=', named).execute();
  assert.deepEqual(rows, [{ account_id: null, room_id: null, submitted_at: null }]);
  assert.equal((await official.request('GET', `/api/surveys/${named}/results`)).body.participation.answered, 1, 'still counted');
});

function standsAlone(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9a-fA-F.:-])${escaped}(?![0-9a-fA-F])`);
}
