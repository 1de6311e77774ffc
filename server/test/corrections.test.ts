import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useRepairsWorld } from '../modules/repairs/test-support.ts';
import { CorrectionsSort } from '../modules/registry/registry.schemas.ts';
import { countRows } from './harness.ts';
import { sortRows, sortTime, expectSorts } from './sorting.ts';
import { read, write } from '../modules/registry/registry.db.ts';
import { SYSTEM_ACTOR } from '../kernel/access/index.ts';

/**
 * Correction requests (PIPL art. 46): a resident files one; it reaches the officials covering the place
 * that registered them (not property staff, not the next community's); an answer closes it once, is
 * audited and tells the resident. The list (信息更正) searches, filters, sorts and pages.
 */
describe('correction requests', () => {
  const { env, w, client } = useRepairsWorld();
  const alice = client('13800000001');
  const tom = client('13800000002');
  const bob = client('13800000003');
  const committee = client('committee_staff');
  const official = client('street_official');
  const staff = client('property_staff');
  const grid = client('grid_worker');
  const WRITTEN = ['reg_corrections', 'audit_log', 'notify_messages'];
  const file = async (who: typeof alice, field: string, request: string) => {
    const res = await who.request('POST', '/api/me/corrections', { field, request });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };
  const ids = async (who: typeof committee, query = '') => {
    const res = await who.request('GET', `/api/registry/corrections${query}`);
    return res.status === 200 ? (res.body.items as { id: string }[]).map((i) => i.id).sort() : res.status;
  };

  test('filed, routed by place, answered once, audited, the resident told', async () => {
    const bad = await alice.request('POST', '/api/me/corrections', { field: 'nickname', request: 'x' });
    assert.equal(bad.status, 400);
    // Staff hold no registry person: nothing to correct.
    const before = await countRows(env.kernel, WRITTEN);
    assert.equal((await staff.request('POST', '/api/me/corrections', { field: 'name', request: '改名' })).body.error.code, 'CORRECTION_NO_PERSON');
    assert.deepEqual(await countRows(env.kernel, WRITTEN), before);

    const mine = await file(alice, 'phone', '手机号已换为 13912345678');
    const his = await file(bob, 'name', '名字写错');

    // Community 1's committee covers compound A (alice), not B (bob); the street sees both; others none.
    assert.deepEqual(await ids(committee), [mine]);
    assert.deepEqual(await ids(official), [mine, his].sort());
    assert.deepEqual(await ids(staff), []);
    assert.deepEqual(await ids(grid), []);
    assert.deepEqual((await alice.request('GET', '/api/me/corrections')).body.items.map((i: { id: string }) => i.id), [mine]);

    // Answering: not by property staff, not outside one's places, once.
    const answer = (who: typeof committee, id: string) => who.request('POST', `/api/registry/corrections/${id}/answer`, { answer: '已更正' });
    const mark = await countRows(env.kernel, WRITTEN);
    assert.equal((await answer(staff, mine)).status, 403);
    assert.equal((await answer(committee, his)).status, 404);
    assert.deepEqual(await countRows(env.kernel, WRITTEN), mark);
    assert.equal((await answer(committee, mine)).status, 200);
    assert.equal((await answer(official, mine)).body.error.code, 'CORRECTION_ANSWERED');

    const row = await read(env.kernel).selectFrom('reg_corrections').selectAll().where('id', '=', mine).executeTakeFirstOrThrow();
    assert.equal(row.status, 'answered');
    assert.equal(row.answer, '已更正');
    const entries = await env.kernel.db.selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', mine).orderBy('seq').execute();
    assert.deepEqual(entries, [
      { action: 'registry.correction.requested', detail: { field: 'phone' } },
      { action: 'registry.correction.answered', detail: null },
    ]);
    const told = await env.kernel.db
      .selectFrom('notify_messages')
      .innerJoin('notify_batches', 'notify_batches.id', 'notify_messages.batch_id')
      .select(['notify_messages.account_id', 'notify_batches.template'])
      .where('notify_batches.subject_id', '=', mine)
      .execute();
    assert.deepEqual([...new Set(told.map((m) => `${m.account_id}:${m.template}`))], [`${alice.accountId}:registry.correction_answered`]);
    // The resident sees the answer among their own requests.
    const own = (await alice.request('GET', '/api/me/corrections')).body.items[0];
    assert.deepEqual([own.status, own.answer], ['answered', '已更正']);
  });

  // The access matrix, written out again on purpose (registry.policy.ts answerCorrections: the officials).
  // A request of alice's (registered at compound A, community 1) and one of bob's (compound B, community 2).
  const LIST_SEES: Record<string, 'both' | 'alice' | 'none'> = {
    platform_admin: 'both',
    street_official: 'both',
    community_secretary: 'alice',
    committee_staff: 'alice',
    property_committee_member: 'none',
    grid_worker: 'none',
    building_leader: 'none',
    owners_committee_member: 'none',
    property_manager: 'none',
    property_staff: 'none',
    department_reviewer: 'none',
    assessor: 'none',
    workplace_party_contact: 'none',
    zstaff: 'none',
    '13800000001': 'none',
  };
  // Answering alice's: officials of her place answer; those who see her record but may not answer get 403;
  // those who cannot see it (other places, other streets, residents, reviewers) get 404.
  const ANSWER_ALICE: Record<string, number> = {
    platform_admin: 200,
    street_official: 200,
    community_secretary: 200,
    committee_staff: 200,
    property_committee_member: 403,
    grid_worker: 403,
    owners_committee_member: 403,
    property_manager: 403,
    property_staff: 403,
    building_leader: 404,
    department_reviewer: 404,
    assessor: 404,
    workplace_party_contact: 404,
    zstaff: 404,
    '13800000001': 404,
  };
  const sessions = Object.fromEntries(Object.keys(LIST_SEES).map((login) => [login, client(login)]));

  test('access matrix: who lists and who answers, inside and outside their places', async () => {
    await read(env.kernel).deleteFrom('reg_corrections').execute();
    const a = await file(alice, 'name', '姓名写错');
    const b = await file(bob, 'phone', '手机号有误');
    for (const [login, sees] of Object.entries(LIST_SEES)) {
      const want = sees === 'both' ? [a, b].sort() : sees === 'alice' ? [a] : [];
      assert.deepEqual(await ids(sessions[login]!), want, login);
    }
    // Outside their place: community 1's officials answer none of bob's.
    for (const login of ['community_secretary', 'committee_staff']) {
      assert.equal((await sessions[login]!.request('POST', `/api/registry/corrections/${b}/answer`, { answer: '好' })).status, 404, login);
    }
    for (const [login, status] of Object.entries(ANSWER_ALICE)) {
      // Each allowed answer closes the request: a fresh one per role, so every role meets an open request.
      const id = await file(alice, 'other', `给 ${login} 的请求`);
      const before = await countRows(env.kernel, WRITTEN);
      const res = await sessions[login]!.request('POST', `/api/registry/corrections/${id}/answer`, { answer: '已核实' });
      assert.equal(res.status, status, `${login}: ${JSON.stringify(res.body)}`);
      if (status !== 200) assert.deepEqual(await countRows(env.kernel, WRITTEN), before, `${login} wrote nothing`);
    }
  });

  test('search by name or words, filter by status and field, page', async () => {
    await read(env.kernel).deleteFrom('reg_corrections').execute();
    const a = await file(alice, 'name', '姓名中的“丽”写成了“莉”');
    const t = await file(tom, 'household', '我已搬走，请结束租住登记');
    const b = await file(bob, 'phone', '手机号有误');
    assert.equal((await official.request('POST', `/api/registry/corrections/${b}/answer`, { answer: '已改' })).status, 200);
    assert.deepEqual(await ids(official, '?q=王丽'), [a], 'by the person’s name');
    assert.deepEqual(await ids(official, '?q=租住'), [t], 'by the words of the request');
    assert.deepEqual(await ids(official, `?q=${encodeURIComponent('%')}`), [], 'a % is a percent sign, not everything');
    assert.deepEqual(await ids(official, '?status=open'), [a, t].sort());
    assert.deepEqual(await ids(official, '?status=answered'), [b]);
    assert.deepEqual(await ids(official, '?field=household'), [t]);
    assert.deepEqual(await ids(official, '?status=open&field=phone'), []);
    const page = await official.request('GET', '/api/registry/corrections?pageSize=2&page=2');
    assert.deepEqual([page.body.total, page.body.items.length, page.body.page], [3, 1, 2]);
    const row = (await official.request('GET', '/api/registry/corrections?q=租住')).body.items[0];
    assert.deepEqual([row.personName, row.placeName, row.field, row.status], ['陈涛', '阳光花园', 'household', 'open']);
    for (const bad of ['?status=closed', '?field=nickname', `?q=${'x'.repeat(51)}`]) {
      assert.equal((await official.request('GET', `/api/registry/corrections${bad}`)).status, 400, bad);
    }
  });

  test('sorts by every declared column', async () => {
    await read(env.kernel).deleteFrom('reg_corrections').execute();
    // Names that sort alike under any collation: the person column is the registry's name.
    const people = [
      { who: alice, person: w.persons.alice, name: 'A 王丽', field: 'household', answeredAt: sortTime(10) },
      { who: tom, person: w.persons.tom, name: 'B 陈涛', field: 'name', answeredAt: sortTime(20) },
      { who: bob, person: w.persons.bob, name: 'C 李波', field: 'phone', answeredAt: null },
    ];
    const rows = await sortRows(
      people,
      (p) => file(p.who, 'other', '排序'),
      (id, p) =>
        write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
          await tx.updateTable('reg_persons').set({ name: p.name }).where('id', '=', p.person).execute();
          await tx
            .updateTable('reg_corrections')
            .set({
              field: p.field as 'household',
              created_at: sortTime(people.indexOf(p)),
              status: p.answeredAt ? 'answered' : 'open',
              answered_at: p.answeredAt,
            })
            .where('id', '=', id)
            .execute();
        }),
    );
    const [r0, r1, r2] = rows;
    await expectSorts(env.kernel, official, '/api/registry/corrections', CorrectionsSort, {
      createdAt: rows,
      status: rows,
      person: rows,
      field: rows,
      // Not answered yet comes last both ways.
      answeredAt: { asc: [r0, r1, r2], desc: [r1, r0, r2] },
    });
  });
});
