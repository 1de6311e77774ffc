import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useRepairsWorld } from '../modules/repairs/test-support.ts';
import { countRows } from './harness.ts';
import { read } from '../modules/registry/registry.db.ts';

/**
 * Correction requests (PIPL art. 46): a resident files one; it reaches the officials covering the place
 * that registered them (not property staff, not the next community's); an answer closes it once, is
 * audited and tells the resident.
 */
describe('correction requests', () => {
  const { env, client } = useRepairsWorld();
  const alice = client('13800000001');
  const bob = client('13800000003');
  const committee = client('committee_staff');
  const official = client('street_official');
  const staff = client('property_staff');
  const grid = client('grid_worker');
  const WRITTEN = ['reg_corrections', 'audit_log', 'notify_messages'];

  test('filed, routed by place, answered once, audited, the resident told', async () => {
    const bad = await alice.request('POST', '/api/me/corrections', { field: 'nickname', request: 'x' });
    assert.equal(bad.status, 400);
    // Staff hold no registry person: nothing to correct.
    const before = await countRows(env.kernel, WRITTEN);
    assert.equal((await staff.request('POST', '/api/me/corrections', { field: 'name', request: '改名' })).body.error.code, 'CORRECTION_NO_PERSON');
    assert.deepEqual(await countRows(env.kernel, WRITTEN), before);

    const mine = await alice.request('POST', '/api/me/corrections', { field: 'phone', request: '手机号已换为 13912345678' });
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    const his = await bob.request('POST', '/api/me/corrections', { field: 'name', request: '名字写错' });
    assert.equal(his.status, 201);

    const ids = async (who: typeof committee) => {
      const res = await who.request('GET', '/api/registry/corrections');
      return res.status === 200 ? (res.body.items as { id: string }[]).map((i) => i.id).sort() : res.status;
    };
    // Community 1's committee covers compound A (alice), not B (bob); the street sees both; others none.
    assert.deepEqual(await ids(committee), [mine.body.id]);
    assert.deepEqual(await ids(official), [mine.body.id, his.body.id].sort());
    assert.deepEqual(await ids(staff), []);
    assert.deepEqual(await ids(grid), []);
    assert.deepEqual((await alice.request('GET', '/api/me/corrections')).body.items.map((i: { id: string }) => i.id), [mine.body.id]);

    // Answering: not by property staff, not outside one's places, once.
    const answer = (who: typeof committee, id: string) => who.request('POST', `/api/registry/corrections/${id}/answer`, { answer: '已更正' });
    const mark = await countRows(env.kernel, WRITTEN);
    assert.equal((await answer(staff, mine.body.id)).status, 403);
    assert.equal((await answer(committee, his.body.id)).status, 404);
    assert.deepEqual(await countRows(env.kernel, WRITTEN), mark);
    assert.equal((await answer(committee, mine.body.id)).status, 200);
    assert.equal((await answer(official, mine.body.id)).body.error.code, 'CORRECTION_ANSWERED');

    const row = await read(env.kernel).selectFrom('reg_corrections').selectAll().where('id', '=', mine.body.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'answered');
    assert.equal(row.answer, '已更正');
    const entries = await env.kernel.db.selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', mine.body.id).orderBy('seq').execute();
    assert.deepEqual(entries, [
      { action: 'registry.correction.requested', detail: { field: 'phone' } },
      { action: 'registry.correction.answered', detail: null },
    ]);
    const told = await env.kernel.db
      .selectFrom('notify_messages')
      .innerJoin('notify_batches', 'notify_batches.id', 'notify_messages.batch_id')
      .select(['notify_messages.account_id', 'notify_batches.template'])
      .where('notify_batches.subject_id', '=', mine.body.id)
      .execute();
    assert.deepEqual([...new Set(told.map((m) => `${m.account_id}:${m.template}`))], [`${alice.accountId}:registry.correction_answered`]);
  });
});
