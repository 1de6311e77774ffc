import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signIn, type Session } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { createPlace } from './use-cases/create-place.ts';
import { endHousehold } from './use-cases/end-household.ts';

/** Slips a new user trips on, where the registry's answers cause them (Platform 4, part 4). */
const { env, w, afterSetUp } = useWorld();
let admin: Session;

afterSetUp(async () => {
  admin = await signIn(env.app, 'platform_admin', PASSWORD);
});

test('a place offers to add beneath it only the kinds that belong there now', async () => {
  const kinds = async (id: string) => {
    const res = await admin.request('GET', `/api/places/${id}`);
    assert.equal(res.status, 200);
    return res.body.addableKinds;
  };
  // 一社区's children are grids: its compounds go under a grid, so it is not offered 新增小区.
  assert.deepEqual(await kinds(w.places.C1), ['grid']);
  assert.deepEqual(await kinds(w.places.G1), ['compound']);
  assert.deepEqual(await kinds(w.places.A1.unit), ['room']);
  // A community with its compound directly beneath, and an empty one (both kinds, the form asks which).
  const community = (await createPlace(w.ctx, { parentId: w.places.S, kind: 'community', name: '新社区' })).id;
  assert.deepEqual(await kinds(community), ['grid', 'compound']);
  await createPlace(w.ctx, { parentId: community, kind: 'compound', name: '新小区', compound: { managementMode: 'self_managed', propertyCompanyId: null } });
  assert.deepEqual(await kinds(community), ['compound']);
  assert.deepEqual(await kinds(w.rooms.A101), []);
});

test('a place picker finds places by name within the actor’s scope, each with the names above it', async () => {
  const found = async (s: Session, q: string, kinds?: string) => {
    const res = await s.request('GET', `/api/places/search?q=${encodeURIComponent(q)}${kinds ? `&kinds=${kinds}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items as { id: string; kind: string; name: string; within: string[] }[];
  };
  // Part of the name finds it; the ancestors tell it apart.
  assert.deepEqual(await found(admin, '阳光'), [{ id: w.places.A, kind: 'compound', name: '阳光花园', within: ['测试街道', '一社区', '一网格'] }]);
  // Two buildings called 1栋: both, each under its own compound; a kind filter narrows.
  const buildings = await found(admin, '1栋', 'building');
  assert.deepEqual(buildings.map((b) => b.within.at(-1)).sort(), ['明月小区', '阳光花园']);
  assert.deepEqual(await found(admin, '1栋', 'compound'), []);
  // Outside the scope: the other street's 远方小区 is not found; inside a narrower grant, ancestors above it are not named.
  assert.deepEqual(await found(admin, '远方'), []);
  const gridWorker = await signIn(env.app, 'grid_worker', PASSWORD);
  assert.deepEqual(await found(gridWorker, '明月'), []);
  assert.deepEqual(await found(gridWorker, '阳光'), [{ id: w.places.A, kind: 'compound', name: '阳光花园', within: ['一网格'] }]);
  // Bad input is refused, not searched.
  assert.equal((await admin.request('GET', '/api/places/search?q=')).status, 400);
  assert.equal((await admin.request('GET', '/api/places/search?q=a&kinds=castle')).status, 400);
});

test('the people list names each person’s rooms, so that namesakes can be told apart', async () => {
  // A second 王丽, in another compound of the same street.
  const other = await w.person(w.places.B, '王丽');
  await w.household(w.rooms.B103, other, 'tenant');
  const res = await admin.request('GET', `/api/persons?q=${encodeURIComponent('王丽')}&pageSize=50`);
  assert.equal(res.status, 200);
  const rooms = Object.fromEntries(
    (res.body.items as { id: string; rooms: { id: string; label: string; relation: string }[] }[]).map((p) => [p.id, p.rooms]),
  );
  assert.deepEqual(rooms[w.persons.alice], [{ id: w.rooms.A101, label: '阳光花园 1栋 1单元 101', relation: 'owner' }]);
  assert.deepEqual(rooms[other], [{ id: w.rooms.B103, label: '明月小区 1栋 1单元 103', relation: 'tenant' }]);
  // A household that ended is no longer the person's room.
  const ended = await w.person(w.places.A, '周末');
  await endHousehold(w.ctx, await w.household(w.rooms.A103, ended, 'tenant'), '2020-01-01');
  const gone = await admin.request('GET', `/api/persons?q=${encodeURIComponent('周末')}`);
  assert.deepEqual(gone.body.items[0].rooms, []);
});

test('a resident’s home shows the property company’s service phone in full (a business line)', async () => {
  const resident = await signIn(env.app, '13800000001', PASSWORD);
  const home = await resident.request('GET', '/api/me/home');
  assert.equal(home.status, 200);
  assert.equal(home.body.rooms[0].companyName, '安和物业');
  assert.equal(home.body.rooms[0].companyPhone, '057088880001');
  // The person's own phone stays masked.
  assert.match(home.body.person.phone, /\*/);
});
