import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { write } from '../../kernel/context.ts';
import { expectRefused, type Session, signIn } from '../../test/harness.ts';
import { DEFAULT_SETTINGS } from './deliberation.constants.ts';
import { ctxFor, promotedOpinion, residents, useItemsWorld } from './items.test-support.ts';
import { recordConsultationOutcome } from './use-cases/record-outcome.ts';
import { putSettings } from './use-cases/put-settings.ts';
import { deliberationPersonalData } from './deliberation.personal-data.ts';
import { settleVotes } from './use-cases/settle-votes.ts';

/**
 * The rules of stages 1–3 (issue 17 §1): the supporting households' threshold, one support per household,
 * merging (sources and households kept, counted once), rejection shown to the proposers, an opinion taken up
 * with its households, the referral to an owners' vote and the job that settles it.
 */
const { env, w, setUp, signedIn } = useItemsWorld();
const people = setUp('the residents', () => residents(env.app, w));
const secretary = signedIn('community_secretary');
const committee = signedIn('property_committee_member');
const grid = signedIn('grid_worker');
const signedInAs = (login: string) => signIn(env.app, login);
const TABLES = ['dlb_items', 'dlb_supporters', 'dlb_events', 'dlb_item_sources', 'audit_log'];

const ok = async <T = any>(p: Promise<{ status: number; body: T }>): Promise<T> => {
  const r = await p;
  assert.ok(r.status < 300, `${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const threshold = async (n: number) =>
  putSettings(await ctxFor(env.kernel, w.accounts.street_official), w.places.A, { ...DEFAULT_SETTINGS, supportThreshold: n });
const item = (s: Session, id: string) => ok(s.request('GET', `/api/deliberation/items/${id}`));
const myItem = (s: Session, id: string) => ok(s.request('GET', `/api/me/deliberation/items/${id}`));
const propose = (s: Session, title: string) => ok(s.request('POST', '/api/me/deliberation/proposals', { title, description: '请大家支持' }));
const support = (s: Session, id: string) => s.request('POST', `/api/me/deliberation/items/${id}/support`);
const inbox = async (s: Session): Promise<{ body: string; link: string | null }[]> => (await ok(s.request('GET', '/api/notify/inbox?pageSize=100'))).items;

describe('a joint proposal and its supporting households', () => {
  test('the Nth household lists it on stage 2 by itself, N−1 do not; two members of one room count once', async () => {
    await threshold(3);
    const p = people;
    const { id, stage } = await propose(p.alice, '增设电动车充电桩');
    assert.equal(stage, 'collecting');
    assert.equal((await item(secretary, id)).supporterCount, 1, "the proposer's household is the first supporter");
    // 周明 lives in 王丽's room: the household supports already.
    await expectRefused(env.kernel, TABLES, () => support(p.zhou, id), 409, 'ALREADY_SUPPORTED');
    await expectRefused(env.kernel, TABLES, () => support(p.alice, id), 409, 'ALREADY_SUPPORTED');
    const second = await ok(support(p.tom, id));
    assert.deepEqual([second.supporterCount, second.stage], [2, 'collecting'], 'N−1 = 2 households: still collecting');
    const before = await item(secretary, id);
    assert.equal(before.listedAt, null);
    const third = await ok(support(p.fang, id));
    assert.deepEqual([third.supporterCount, third.stage], [3, 'agenda'], 'the 3rd household lists it');
    const after = await item(secretary, id);
    assert.equal(after.stage, 'agenda', 'stage 2, not past it');
    assert.ok(after.listedAt);
    const listed = after.events.find((e: { kind: string }) => e.kind === 'listed');
    assert.equal(listed.note, '联名户数达到 3 户');
    assert.deepEqual([listed.from, listed.to], ['collecting', 'agenda']);
    // A household of another compound is not one of this place's.
    await expectRefused(env.kernel, TABLES, () => support(p.bob, id), 404, 'ITEM_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => support(p.zed, id), 404, 'ITEM_NOT_FOUND');
  });

  test("supporting an official's item on the list counts the household and changes no stage", async () => {
    const { id } = await ok(secretary.request('POST', '/api/deliberation/items', { placeId: w.places.A, title: '楼道堆物清理', description: '' }));
    assert.equal((await item(secretary, id)).stage, 'agenda', "an official's item is on the list at once");
    const r = await ok(support(people.tom, id));
    assert.deepEqual([r.supporterCount, r.stage], [1, 'agenda']);
    const mine = await myItem(people.tom, id);
    assert.deepEqual([mine.supported, mine.can.support], [true, false]);
  });
});

describe('merge', () => {
  test('keeps every source and supporting household, a household that supported two items counted once', async () => {
    await threshold(10);
    const p = people;
    const x = await propose(p.alice, '垃圾分类点太远');
    await ok(support(p.tom, x.id));
    const y = await propose(p.zhou, '垃圾桶不够'); // 周明: the same household as 王丽, who supports x
    const t = await ok(secretary.request('POST', '/api/deliberation/items', { placeId: w.places.A, title: '垃圾分类设施改造' }));
    await ok(support(p.fang, t.id));
    // Only stage 2's bodies merge.
    await expectRefused(env.kernel, TABLES, () => grid.request('POST', `/api/deliberation/items/${t.id}/merge`, { itemIds: [x.id, y.id] }), 403, 'FORBIDDEN');
    const merged = await ok(committee.request('POST', `/api/deliberation/items/${t.id}/merge`, { itemIds: [x.id, y.id] }));
    assert.equal(merged.supporterCount, 3, 'A-101 (x and y), A-102 (x), A-103 (t): three households');
    const target = await item(committee, t.id);
    assert.equal(target.supporterCount, 3);
    assert.deepEqual(target.sources.map((s: { kind: string }) => s.kind).sort(), ['joint_proposal', 'joint_proposal', 'official']);
    assert.deepEqual(new Set(target.sources.map((s: { originalItemId: string }) => s.originalItemId)), new Set([t.id, x.id, y.id]), 'each source keeps the item it came from');
    assert.deepEqual(target.mergedFrom.map((m: { id: string }) => m.id).sort(), [x.id, y.id].sort());
    const rows = await sql<{ n: number }>`select count(*)::int as n from dlb_supporters where item_id = ${t.id}`.execute(env.kernel.db);
    assert.equal(rows.rows[0]!.n, 3);
    for (const m of [x.id, y.id]) {
      const gone = await item(committee, m);
      assert.deepEqual([gone.stage, gone.mergedInto.id], ['merged', t.id]);
    }
    // A merged item cannot be merged again.
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/deliberation/items/${t.id}/merge`, { itemIds: [x.id] }), 409, 'WRONG_STAGE');
    // The residents' list leaves merged items out; the target is there.
    const list = await ok(p.alice.request('GET', '/api/me/deliberation/items?pageSize=100'));
    assert.ok(!list.items.some((i: { id: string }) => i.id === x.id));
    assert.ok(list.items.some((i: { id: string; supported: boolean }) => i.id === t.id && i.supported));
  });
});

describe('rejection', () => {
  test('needs a reason, and shows it to the proposers: on the H5 item page and in their message', async () => {
    const p = people;
    const { id } = await propose(p.tom, '小区里养鸡');
    await ok(support(p.alice, id));
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `/api/deliberation/items/${id}/reject`, { reason: '' }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `/api/deliberation/items/${id}/reject`, { reason: '长'.repeat(501) }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, () => grid.request('POST', `/api/deliberation/items/${id}/reject`, { reason: '不合规定' }), 403, 'FORBIDDEN');
    const reason = '违反《城市市容和环境卫生管理条例》，小区内不得饲养家禽';
    await ok(secretary.request('POST', `/api/deliberation/items/${id}/reject`, { reason }));
    for (const s of [p.tom, p.alice]) {
      const mine = await myItem(s, id);
      assert.deepEqual([mine.stage, mine.rejectedReason], ['rejected', reason]);
      assert.ok(mine.events.some((e: { kind: string; note: string; by: string }) => e.kind === 'rejected' && e.note === reason && e.by === 'organisation'));
      assert.ok(!JSON.stringify(mine).includes('community_secretary'), 'no staff name on the resident page');
      const messages = await inbox(s);
      assert.ok(messages.some((m) => m.link === `/h5/deliberation/items/${id}` && m.body.includes(reason)), 'the message carries the reason');
    }
    await expectRefused(env.kernel, TABLES, () => secretary.request('POST', `/api/deliberation/items/${id}/accept`), 409, 'WRONG_STAGE');
  });
});

describe('an opinion taken up', () => {
  test("brings its poster's and its 'me too' households, links back, and shows its stage to the poster", async () => {
    const p = people;
    const opinionId = await promotedOpinion(env.kernel, p.alice);
    await ok(p.zhou.request('POST', `/api/opinions/${opinionId}/me-too`)); // same household as the poster
    await ok(p.tom.request('POST', `/api/opinions/${opinionId}/me-too`));
    const pending = await ok(grid.request('GET', '/api/deliberation/promoted-opinions'));
    assert.ok(pending.items.some((o: { id: string; canTakeUp: boolean }) => o.id === opinionId && o.canTakeUp));
    await expectRefused(env.kernel, TABLES, () => p.bob.request('GET', `/api/me/deliberation/items/by-opinion/${opinionId}`), 404, 'ITEM_NOT_FOUND');
    const taken = await ok(grid.request('POST', '/api/deliberation/items/take-up', { opinionId }));
    assert.equal(taken.supporterCount, 2, 'A-101 (王丽 and 周明) once, A-102');
    const it = await item(grid, taken.id);
    assert.deepEqual([it.stage, it.sourceKind, it.sources[0].kind, it.sources[0].refId], ['agenda', 'opinion', 'opinion', opinionId]);
    const ref = await sql<{ deliberation_ref: string }>`select deliberation_ref from op_opinions where id = ${opinionId}`.execute(env.kernel.db);
    assert.equal(ref.rows[0]!.deliberation_ref, taken.id, 'the opinion links back, in the same transaction');
    await expectRefused(env.kernel, TABLES, () => grid.request('POST', '/api/deliberation/items/take-up', { opinionId }), 409, 'OPINION_TAKEN_UP');
    assert.ok(!(await ok(grid.request('GET', '/api/deliberation/promoted-opinions'))).items.some((o: { id: string }) => o.id === opinionId));
    const byOpinion = await ok(p.alice.request('GET', `/api/me/deliberation/items/by-opinion/${opinionId}`));
    assert.deepEqual(byOpinion, { id: taken.id, code: it.code, stage: 'agenda', step: 2 });
    // The poster hears of every stage.
    await ok(committee.request('POST', `/api/deliberation/items/${taken.id}/accept`));
    assert.ok((await inbox(p.alice)).some((m) => m.link === `/h5/deliberation/items/${taken.id}` && m.body.includes('会议协商')));
    assert.equal((await ok(p.alice.request('GET', `/api/me/deliberation/items/by-opinion/${opinionId}`))).stage, 'consulting');
  });

  test('an opinion not marked for deliberation is refused', async () => {
    const posted = await ok(people.alice.request('POST', '/api/opinions', { visibility: 'public', addressee: 'residents_committee', title: '表扬保安', body: '保安很负责' }));
    await expectRefused(env.kernel, TABLES, () => grid.request('POST', '/api/deliberation/items/take-up', { opinionId: posted.id }), 409, 'OPINION_NOT_PROMOTED');
  });
});

describe("referral to an owners' vote", () => {
  /** An item at 阳光花园 accepted for a meeting, referred to a vote (the meetings part calls this in its transaction). */
  async function referred(title: string) {
    const { id } = await ok(secretary.request('POST', '/api/deliberation/items', { placeId: w.places.A, title }));
    await ok(secretary.request('POST', `/api/deliberation/items/${id}/accept`));
    const ctx = await ctxFor(env.kernel, w.accounts.community_secretary);
    const out = await write(ctx, (tx) =>
      recordConsultationOutcome(tx as never, ctx, { itemId: id, meetingId: null, outcome: { kind: 'refer_vote', text: '使用公共维修资金更换电梯', voteTitle: title, matter: 5 } }),
    );
    assert.equal(out.stage, 'awaiting_vote');
    return { id, decisionId: (out as { decisionId: string }).decisionId };
  }
  /** The vote's result published, set on the decision's row (simpler than voting through the decisions driver). */
  const publish = (decisionId: string, passed: boolean, quorumMet = true) =>
    sql`update dec_decisions set status = 'published', published_at = now(), result = ${JSON.stringify({ items: [{ passed, quorum: { met: quorumMet } }] })}::jsonb where id = ${decisionId}`.execute(env.kernel.db);

  test('creates a draft decision with the item linked, shown on both sides', async () => {
    const { id, decisionId } = await referred('更换2栋电梯');
    const row = await sql<{ status: string; source_module: string; source_id: string }>`select status, source_module, source_id from dec_decisions where id = ${decisionId}`.execute(env.kernel.db);
    assert.deepEqual(row.rows[0], { status: 'draft', source_module: 'deliberation', source_id: id });
    const it = await item(secretary, id);
    assert.deepEqual([it.stage, it.decision.id, it.decision.status, it.decision.outcome], ['awaiting_vote', decisionId, 'draft', 'pending']);
    const decision = await ok(secretary.request('GET', `/api/decisions/${decisionId}`));
    assert.equal(decision.source.id, id);
    assert.equal(decision.source.module, 'deliberation');
    assert.match(decision.source.label, /^YT-/);
    assert.deepEqual(await settleVotes(env.kernel), { passed: 0, failed: 0 }, 'a draft settles nothing');
  });

  test('the settle job: passed → executing, failed → back to consulting with the result; once', async () => {
    const pass = await referred('加装电梯');
    const fail = await referred('改建停车场');
    const fewVoted = await referred('外墙翻新');
    await publish(pass.decisionId, true);
    await publish(fail.decisionId, false);
    await publish(fewVoted.decisionId, false, false);
    assert.deepEqual(await settleVotes(env.kernel), { passed: 1, failed: 2 });
    assert.deepEqual(await settleVotes(env.kernel), { passed: 0, failed: 0 }, 'a second run moves nothing');
    const passed = await item(secretary, pass.id);
    assert.deepEqual([passed.stage, passed.voteOutcome, passed.decisionText], ['executing', 'passed', '使用公共维修资金更换电梯']);
    const failed = await item(secretary, fail.id);
    assert.deepEqual([failed.stage, failed.voteOutcome], ['consulting', 'failed']);
    const note = failed.events.at(-1);
    assert.equal(note.kind, 'vote_failed');
    assert.match(note.note, /未通过.*法定多数/);
    assert.equal(note.detail.decisionId, fail.decisionId);
    assert.match((await item(secretary, fewVoted.id)).events.at(-1).note, /未达到法定人数/);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log where action in ('deliberation.item.vote_passed', 'deliberation.item.vote_failed')`.execute(env.kernel.db);
    assert.equal(audited.rows[0]!.n, 3);
  });
});

describe('settings', () => {
  test('ranges as in the table; a place below inherits; configure only', async () => {
    const official = await ctxFor(env.kernel, w.accounts.street_official);
    await putSettings(official, w.places.C1, { ...DEFAULT_SETTINGS, supportThreshold: 7 });
    const got = await ok(secretary.request('GET', `/api/deliberation/settings/${w.places.G1}`));
    assert.equal(got.settings.supportThreshold, 7);
    assert.equal(got.inheritedFrom.id, w.places.C1);
    // Session.request has no PUT in its type; the route is PUT.
    const put = (s: Session, body: object) => s.request('PUT' as 'PATCH', `/api/deliberation/settings/${w.places.A}`, body);
    const official2 = await signedInAs('street_official');
    for (const bad of [{ supportThreshold: 0 }, { supportThreshold: 10001 }, { reopenBelowCenti: 99 }, { reopenBelowCenti: 501 }, { poorScoreMax: 5 }, { maxReopens: 11 }, { ratingDays: 91 }]) {
      await expectRefused(env.kernel, ['dlb_settings', 'audit_log'], () => put(official2, { ...DEFAULT_SETTINGS, ...bad }), 400, 'VALIDATION_FAILED');
    }
    const edge = { supportThreshold: 10000, ratingDays: 90, minRatings: 1, reopenBelowCenti: 500, poorSharePercent: 100, poorScoreMax: 4, maxReopens: 0 };
    await ok(put(official2, edge));
    assert.deepEqual((await ok(secretary.request('GET', `/api/deliberation/settings/${w.places.A}`))).settings, edge);
    await expectRefused(env.kernel, ['dlb_settings', 'audit_log'], () => put(grid, { ...DEFAULT_SETTINGS }), 403, 'FORBIDDEN');
    await assert.rejects(putSettings(await ctxFor(env.kernel, w.accounts.community_secretary), w.places.Z, { ...DEFAULT_SETTINGS }), { code: 'PLACE_NOT_FOUND' });
  });
});

describe('my data', () => {
  test("lists the items I supported for my household, marking those I proposed; closing the account unties them", async () => {
    const alice = await ctxFor(env.kernel, w.accounts.resident);
    const { id } = await propose(people.alice, '我的提议');
    const [sheet] = await deliberationPersonalData.sheets(alice);
    const row = sheet!.rows.find((r) => r[1] === '我的提议');
    assert.deepEqual(row?.slice(0, 5), [(await item(secretary, id)).code, '我的提议', 'collecting', 'direct', '是']);
    await write(alice, (tx) => deliberationPersonalData.erase!(tx, alice));
    assert.deepEqual((await deliberationPersonalData.sheets(alice))[0]!.rows, []);
    assert.equal((await item(secretary, id)).supporterCount, 1, 'the household still supports it');
  });
});
