import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write as writeKernel } from '../../kernel/context.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';

/**
 * Who reaches the visitors part (the matrix): residents only their own rooms and passes (another's room or pass
 * 404); the property company (manager, staff: granted at 阳光花园) reviews, issues and revokes there and nowhere
 * else; the street official reads everything of its street, reviews nothing (403) and sees nothing of another
 * street (404); the community's and grid's staff, the owners' committee and the residents get no list (403).
 */
const { env, w, setUp } = useWorld();
const sessions = new Map<string, Promise<Client>>();
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login, PASSWORD));
  return sessions.get(login)!;
};
const now = () => env.kernel.clock.now().getTime();
const HOUR = 3_600_000;

/** A vehicle pending at 阳光花园 (王丽, A101), one at 明月小区 (李波, B101) and one at 远方小区 (赵泽, Z101, the other street); a pass of 王丽's. */
const x = setUp('the visitors access world', async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await writeKernel({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    await createAccount(tx, env.kernel.pii, { phone: '13800000011', displayName: '陈涛', password: PASSWORD, passwordHash, personId: w.persons.tom });
    await createAccount(tx, env.kernel.pii, { phone: '13800000013', displayName: '李波', password: PASSWORD, passwordHash, personId: w.persons.bob });
    await createAccount(tx, env.kernel.pii, { phone: '13800000014', displayName: '赵泽', password: PASSWORD, passwordHash, personId: w.persons.zed });
  });
  const add = async (login: string, roomId: string, plate: string) => {
    const r = await (await as(login)).request('POST', '/api/me/devices/vehicles', { roomId, plate });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  const pass = await (await as('13800000001')).request('POST', '/api/me/devices/passes', { roomId: w.rooms.A101, visitorName: '李雷', validFrom: new Date(now()).toISOString(), validTo: new Date(now() + HOUR).toISOString() });
  assert.equal(pass.status, 201);
  return { A: await add('13800000001', w.rooms.A101, '冀A11111'), B: await add('13800000013', w.rooms.B101, '冀A22222'), Z: await add('13800000014', w.rooms.Z101, '冀A33333'), pass: pass.body.id as string };
});

const STAFF = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader', 'owners_committee_member', 'property_manager', 'property_staff', 'department_reviewer', 'assessor'];
const READERS = new Set(['street_official', 'property_manager', 'property_staff']);

test('lists: the property company sees its compound’s, the street all of its street’s, nobody else any', async () => {
  for (const login of [...STAFF, '13800000001']) {
    const s = await as(login);
    for (const list of ['/api/devices/vehicles', '/api/devices/cards', '/api/devices/passes']) {
      const r = await s.request('GET', list);
      assert.equal(r.status, READERS.has(login) ? 200 : 403, `${login} ${list}`);
    }
    if (!READERS.has(login)) continue;
    const ids = ((await s.request('GET', '/api/devices/vehicles')).body.items as { id: string }[]).map((v) => v.id).sort();
    const expected = login === 'street_official' ? [x.A, x.B].sort() : [x.A];
    assert.deepEqual(ids, expected, `${login}: vehicles inside its places only (never 远方小区’s)`);
    assert.equal((await s.request('GET', `/api/devices/vehicles?placeId=${w.places.Z}`)).status, 404, `${login}: another street’s compound is not there`);
  }
  assert.equal((await (await as('property_staff')).request('GET', `/api/devices/passes?placeId=${w.places.B}`)).status, 404, '明月小区 is outside 阳光花园’s company');
});

test('review, cards: the property company inside its compound; the street 403; outside 404', async () => {
  const review = async (login: string, id: string) => (await as(login)).request('POST', `/api/devices/vehicles/${id}/review`, { decision: 'reject', note: '测试' });
  for (const login of ['street_official', 'community_secretary', 'grid_worker', 'owners_committee_member', '13800000001']) {
    const r = await review(login, x.A);
    assert.ok([403, 404].includes(r.status), `${login}: ${r.status}`);
  }
  assert.equal((await review('street_official', x.A)).status, 403, 'the street sees it, may not review it');
  assert.equal((await review('property_manager', x.B)).status, 404, '明月小区: not the company’s');
  assert.equal((await review('street_official', x.Z)).status, 404, 'another street');
  assert.equal((await review('property_staff', x.A)).status, 200);

  const issue = (login: string, placeId: string, roomId: string, cardNo: string) => as(login).then((s) => s.request('POST', `/api/devices/visitors/compounds/${placeId}/cards`, { roomId, cardNo }));
  assert.equal((await issue('street_official', w.places.A, w.rooms.A101, 'AA0001')).status, 403);
  assert.equal((await issue('property_manager', w.places.B, w.rooms.B101, 'AA0002')).status, 404);
  assert.equal((await issue('property_manager', w.places.Z, w.rooms.Z101, 'AA0003')).status, 404);
  assert.equal((await issue('13800000001', w.places.A, w.rooms.A101, 'AA0004')).status, 404, 'a resident sees no compound on the workbench');
  const card = await issue('property_staff', w.places.A, w.rooms.A101, 'AA0005');
  assert.equal(card.status, 201);
  assert.equal((await (await as('street_official')).request('POST', `/api/devices/cards/${card.body.id}/revoke`)).status, 403);
  assert.equal((await (await as('13800000001')).request('POST', `/api/devices/cards/${card.body.id}/revoke`)).status, 404);
  assert.equal((await (await as('property_manager')).request('POST', `/api/devices/cards/${card.body.id}/revoke`)).status, 200);
  const compounds = (await (await as('street_official')).request('GET', '/api/devices/visitors/compounds')).body as { id: string; canManage: boolean }[];
  assert.deepEqual(compounds.map((c) => c.canManage), compounds.map(() => false));
  assert.ok(compounds.some((c) => c.id === w.places.A) && !compounds.some((c) => c.id === w.places.Z));
});

test('residents: only their own rooms, vehicles and passes', async () => {
  const tom = await as('13800000011');
  assert.equal((await tom.request('POST', '/api/me/devices/vehicles', { roomId: w.rooms.A101, plate: '冀A44444' })).status, 404, '王丽’s room');
  assert.equal((await tom.request('POST', '/api/me/devices/passes', { roomId: w.rooms.A101, visitorName: '某人', validFrom: new Date(now()).toISOString(), validTo: new Date(now() + HOUR).toISOString() })).status, 404);
  assert.equal((await tom.request('GET', `/api/me/devices/passes/${x.pass}`)).status, 404);
  assert.equal((await tom.request('POST', `/api/me/devices/passes/${x.pass}/cancel`)).status, 404);
  assert.equal((await tom.request('DELETE', `/api/me/devices/vehicles/${x.A}`)).status, 404);
  assert.deepEqual((await tom.request('GET', '/api/me/devices/vehicles')).body.items, [], 'none of his room');
  assert.equal((await tom.request('GET', '/api/me/devices/passes')).body.total, 0);
  const alice = await as('13800000001');
  assert.equal((await alice.request('GET', `/api/me/devices/passes/${x.pass}`)).status, 200);
  // A staff account with no person: no rooms, nothing to register.
  const staff = await as('property_staff');
  assert.deepEqual((await staff.request('GET', '/api/me/devices/rooms')).body, []);
  assert.equal((await staff.request('POST', '/api/me/devices/vehicles', { roomId: w.rooms.A101, plate: '冀A55555' })).status, 404);
});
