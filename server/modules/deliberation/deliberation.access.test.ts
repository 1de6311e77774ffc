import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SYSTEM_ACTOR, type StaffRole, STAFF_ROLES } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import type { Ctx } from '../../kernel/context.ts';
import { PASSWORD } from '../../test/fixture.ts';
import { expectRefused, type Session, signIn } from '../../test/harness.ts';
import { write } from './deliberation.db.ts';
import { ctxFor, promotedOpinion, residents, useItemsWorld } from './items.test-support.ts';
import { createItem } from './use-cases/create-item.ts';

/**
 * The access matrix of stages 1–3: each staff role on an item inside its places (阳光花园, which the fixture's
 * grants cover but the building leader's, held on one of its buildings) and outside them (the other street's
 * 远方小区): the step is allowed, 403 when the item is visible but the step is not the role's, 404 when the item is
 * not visible at all. Residents: only their places' public items, their public parts; another compound → 404.
 *
 * The role lists are written out again on purpose, rather than read from the policy, so that a change to the
 * policy breaks this test and has to be made twice, deliberately.
 */
const STAFF = STAFF_ROLES;
/** Roles that see an item at 阳光花园 (the building leader's grant is on 1栋, below it). */
const READ_A: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'grid_worker', 'owners_committee_member', 'property_manager'];
const SET_AGENDA: StaffRole[] = ['community_secretary', 'property_committee_member'];
const PROPOSE: StaffRole[] = ['street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'grid_worker', 'owners_committee_member'];
const TABLES = ['dlb_items', 'dlb_supporters', 'dlb_events', 'dlb_item_sources', 'audit_log'];

const { env, w, setUp, afterSetUp } = useItemsWorld();
const people = setUp('the residents', () => residents(env.app, w));
const sessions = new Map<StaffRole, Session>();
const ctx = {} as Record<'inside' | 'outside', Ctx>;

afterSetUp(async () => {
  for (const role of STAFF) sessions.set(role, await signIn(env.app, role));
  ctx.inside = await ctxFor(env.kernel, w.accounts.street_official);
  // An official of the other street, to make items there.
  const passwordHash = await hashPassword(PASSWORD);
  const zofficial = await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    const id = await createAccount(tx, env.kernel.pii, { username: 'zofficial', displayName: '邻街干部', password: PASSWORD, passwordHash });
    await grantRole(tx, id, 'street_official', w.places.S2);
    return id;
  });
  ctx.outside = await ctxFor(env.kernel, zofficial);
});

/** A new item on the stage-2 list, inside (阳光花园) or outside (远方小区). */
const itemAt = async (where: 'inside' | 'outside', isPublic = true) =>
  (await createItem(ctx[where], { placeId: where === 'inside' ? w.places.A : w.places.Z, title: '测试议题', description: '', isPublic })).id;

/** Allowed (2xx), refused 403 (visible, not the role's step) or 404 (not visible). */
async function expectOutcome(send: () => Promise<{ status: number; body: any }>, allowed: boolean, visible: boolean, label: string, notFound = 'ITEM_NOT_FOUND') {
  if (allowed) {
    const r = await send();
    assert.ok(r.status < 300, `${label}: ${r.status} ${JSON.stringify(r.body)}`);
    return;
  }
  if (visible) await expectRefused(env.kernel, TABLES, send, 403, 'FORBIDDEN');
  else await expectRefused(env.kernel, TABLES, send, 404, notFound);
}

describe('stage 2: accept, merge, reject by the party organisation and the 物委会 only, inside their places', () => {
  for (const role of STAFF) {
    test(role, async () => {
      const s = sessions.get(role)!;
      for (const where of ['inside', 'outside'] as const) {
        const visible = where === 'inside' && READ_A.includes(role);
        const allowed = visible && SET_AGENDA.includes(role);
        const label = `${role} ${where}`;
        const a = await itemAt(where);
        const get = await s.request('GET', `/api/deliberation/items/${a}`);
        assert.equal(get.status, visible ? 200 : 404, `${label} reads`);
        if (visible) assert.deepEqual([get.body.can.accept, get.body.can.reject, get.body.can.merge], [allowed, allowed, allowed], `${label} can`);
        await expectOutcome(() => s.request('POST', `/api/deliberation/items/${a}/accept`), allowed, visible, `${label} accepts`);
        const b = await itemAt(where);
        await expectOutcome(() => s.request('POST', `/api/deliberation/items/${b}/reject`, { reason: '不属于议事范围' }), allowed, visible, `${label} rejects`);
        const [t, m] = [await itemAt(where), await itemAt(where)];
        await expectOutcome(() => s.request('POST', `/api/deliberation/items/${t}/merge`, { itemIds: [m] }), allowed, visible, `${label} merges`);
        const list = await s.request('GET', '/api/deliberation/items?pageSize=200');
        assert.equal(list.status, 200);
        assert.equal(list.body.items.some((i: { id: string }) => i.id === a), visible, `${label} lists`);
      }
    });
  }
});

describe('stage 1: entering an item and taking up an opinion by the proposing roles only', () => {
  for (const role of STAFF) {
    test(role, async () => {
      const s = sessions.get(role)!;
      for (const where of ['inside', 'outside'] as const) {
        const visible = where === 'inside' && READ_A.includes(role);
        const allowed = visible && PROPOSE.includes(role);
        const placeId = where === 'inside' ? w.places.A : w.places.Z;
        await expectOutcome(() => s.request('POST', '/api/deliberation/items', { placeId, title: '新议题' }), allowed, visible, `${role} ${where} creates`, 'PLACE_NOT_FOUND');
      }
      const opinionId = await promotedOpinion(env.kernel, people.alice, `${role} 的意见`);
      const visible = READ_A.includes(role);
      await expectOutcome(() => s.request('POST', '/api/deliberation/items/take-up', { opinionId }), visible && PROPOSE.includes(role), visible, `${role} takes up`, 'OPINION_NOT_FOUND');
    });
  }
});

describe('residents', () => {
  test('act through their households only: no staff step, not another place', async () => {
    const a = await itemAt('inside');
    for (const r of [people.alice, people.bob, people.zed]) {
      await expectRefused(env.kernel, TABLES, () => r.request('GET', `/api/deliberation/items/${a}`), 404, 'ITEM_NOT_FOUND');
      await expectRefused(env.kernel, TABLES, () => r.request('POST', `/api/deliberation/items/${a}/accept`), 404, 'ITEM_NOT_FOUND');
      await expectRefused(env.kernel, TABLES, () => r.request('POST', '/api/deliberation/items', { placeId: w.places.A, title: '居民直接立项' }), 404, 'PLACE_NOT_FOUND');
    }
  });

  test("see their places' public items and their public parts; another compound's resident gets 404", async () => {
    const a = await itemAt('inside');
    const hidden = await itemAt('inside', false);
    const z = await itemAt('outside');
    const mine = await people.alice.request('GET', `/api/me/deliberation/items/${a}`);
    assert.equal(mine.status, 200);
    for (const key of ['actorName', 'createdBy', 'isPublic', 'street_official']) assert.ok(!JSON.stringify(mine.body).includes(key), `no ${key} on the resident's page`);
    assert.ok(mine.body.events.every((e: { by: string }) => ['organisation', 'system', 'resident'].includes(e.by)));
    assert.equal((await people.tom.request('GET', `/api/me/deliberation/items/${a}`)).status, 200, 'a tenant of the compound too');
    await expectRefused(env.kernel, TABLES, () => people.bob.request('GET', `/api/me/deliberation/items/${a}`), 404, 'ITEM_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => people.bob.request('POST', `/api/me/deliberation/items/${a}/support`), 404, 'ITEM_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => people.alice.request('GET', `/api/me/deliberation/items/${z}`), 404, 'ITEM_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => people.alice.request('GET', `/api/me/deliberation/items/${hidden}`), 404, 'ITEM_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => people.alice.request('POST', `/api/me/deliberation/items/${hidden}/support`), 404, 'ITEM_NOT_FOUND');
    const list = (await people.alice.request('GET', '/api/me/deliberation/items?pageSize=200')).body;
    const ids = new Set(list.items.map((i: { id: string }) => i.id));
    assert.ok(ids.has(a));
    assert.ok(!ids.has(hidden) && !ids.has(z));
    const bobs = (await people.bob.request('GET', '/api/me/deliberation/items?pageSize=200')).body;
    assert.ok(!bobs.items.some((i: { id: string }) => i.id === a));
    // A proposal only at a place above one's home.
    await expectRefused(env.kernel, TABLES, () => people.bob.request('POST', '/api/me/deliberation/proposals', { placeId: w.places.A, title: '不是我的小区' }), 404, 'PLACE_NOT_FOUND');
  });
});
