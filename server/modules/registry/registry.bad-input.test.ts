import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRows, rawSender, expectRefused as refused } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read } from './registry.db.ts';
import { expectSorts } from '../../test/sorting.ts';
import { ChildrenSort, OrganisationsSort, PersonsSort, RoomsSort } from './registry.schemas.ts';
import { createOrganisation } from './use-cases/create-organisation.ts';
import { createPerson } from './use-cases/create-person.ts';
import { createPlace } from './use-cases/create-place.ts';

/** Bad input gets a 4xx with a stable code and writes nothing: counts before = after. */
const TABLES = ['places', 'reg_rooms', 'reg_persons', 'reg_households', 'reg_organisations', 'reg_positions', 'approvals', 'audit_log'];

const { env, w, signedIn } = useWorld();
const official = signedIn('street_official');

const expectRefused = (send: () => Promise<{ status: number; body: any }>, status: number, code: string) => refused(env.kernel, TABLES, send, status, code);

const room = (over: Record<string, unknown> = {}, roomOver: Record<string, unknown> = {}) => ({
  parentId: w.places.A1.unit,
  kind: 'room',
  name: '555',
  room: { area: '88.25', areaSource: 'register', use: 'residential', ...roomOver },
  ...over,
});

describe('bad input', () => {
  test('malformed JSON → 400 MALFORMED_JSON', async () => {
    const raw = await rawSender(env.app, 'street_official', PASSWORD);
    await expectRefused(() => raw('POST', '/api/places', 'application/json', '{"parentId": "x",'), 400, 'MALFORMED_JSON');
  });

  test('wrong types → 400 VALIDATION_FAILED naming the field', async () => {
    const err = await expectRefused(() => official.request('POST', '/api/places', room({ name: 42 }, { floor: 'three' })), 400, 'VALIDATION_FAILED');
    const paths = err.details.issues.map((i: { path: string }) => i.path).join(' ');
    assert.match(paths, /name/);
    assert.match(paths, /floor/);
  });

  test('a malformed id in the path → 400', async () => {
    await expectRefused(() => official.request('GET', '/api/places/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });

  test('unknown place → 404 PLACE_NOT_FOUND', async () => {
    await expectRefused(() => official.request('POST', '/api/places', room({ parentId: '01900000-0000-7000-8000-000000000000' })), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => official.request('GET', '/api/places/01900000-0000-7000-8000-000000000000'), 404, 'PLACE_NOT_FOUND');
  });

  test('an area with three decimals → 400, never rounded', async () => {
    const err = await expectRefused(() => official.request('POST', '/api/places', room({}, { area: '88.125' })), 400, 'VALIDATION_FAILED');
    assert.match(JSON.stringify(err.details), /area/);
    await expectRefused(() => official.request('POST', '/api/places', room({}, { area: 88.125 })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('POST', '/api/places', room({}, { area: '-5' })), 400, 'VALIDATION_FAILED');
  });

  test('areas are stored exactly in hundredths of m²', async () => {
    const res = await official.request('POST', '/api/places', room({ name: '556' }, { area: '0.29' }));
    assert.equal(res.status, 201);
    assert.equal(res.body.room.areaCenti, 29);
    assert.equal(res.body.room.area, '0.29');
  });

  test('a duplicate room number → 409 ROOM_NUMBER_TAKEN', async () => {
    await expectRefused(() => official.request('POST', '/api/places', room({ name: '101' })), 409, 'ROOM_NUMBER_TAKEN');
    await expectRefused(() => official.request('PATCH', `/api/places/${w.rooms.A102}`, { name: '101' }), 409, 'ROOM_NUMBER_TAKEN');
  });

  test('a room where a room cannot be → 400 PLACE_KIND_NOT_ALLOWED', async () => {
    await expectRefused(() => official.request('POST', '/api/places', room({ parentId: w.places.A })), 400, 'PLACE_KIND_NOT_ALLOWED');
  });

  test('a bad ID number checksum or phone → 400', async () => {
    await expectRefused(() => official.request('POST', '/api/persons', { placeId: w.places.A, name: '甲', idNumber: '330802199001010388' }), 400, 'ID_NUMBER_INVALID');
    await expectRefused(() => official.request('POST', '/api/persons', { placeId: w.places.A, name: '甲', phone: '12345' }), 400, 'PHONE_INVALID');
  });

  test('the same ID number twice → 409', async () => {
    const person = await read(env.kernel).selectFrom('reg_persons').select('id_number_enc').where('id', '=', w.persons.alice).executeTakeFirstOrThrow();
    const id = env.kernel.pii.decrypt(person.id_number_enc!);
    await expectRefused(() => official.request('POST', '/api/persons', { placeId: w.places.A, name: '冒名', idNumber: id }), 409, 'ID_NUMBER_TAKEN');
  });

  test('an owner without a share, a tenant twice, an organisation as tenant → 400/409', async () => {
    await expectRefused(() => official.request('POST', '/api/households', { roomId: w.rooms.A102, personId: w.persons.bob, relation: 'owner' }), 400, 'SHARE_REQUIRED');
    await expectRefused(() => official.request('POST', '/api/households', { roomId: w.rooms.A102, personId: w.persons.tom, relation: 'tenant' }), 409, 'HOUSEHOLD_EXISTS');
    await expectRefused(() => official.request('POST', '/api/households', { roomId: w.rooms.A102, organisationId: w.organisations.pc1, relation: 'tenant' }), 400, 'ONLY_OWNER_FOR_ORGANISATION');
    await expectRefused(() => official.request('POST', '/api/households', { roomId: w.rooms.A102, relation: 'tenant' }), 400, 'VALIDATION_FAILED');
  });

  test('deleting a place that still has rooms → 409 and no approval filed', async () => {
    await expectRefused(() => official.request('DELETE', `/api/places/${w.places.A1.unit}`, { reason: '清理' }), 409, 'PLACE_NOT_EMPTY');
  });

  test('a party organisation in the wrong level → 400', async () => {
    await expectRefused(
      () => official.request('POST', '/api/organisations', { placeId: w.places.A, kind: 'party_org', name: '错位支部', partyLevel: 'building_group' }),
      400,
      'PARTY_PARENT_INVALID',
    );
  });

  test('an unknown route → 404 ROUTE_NOT_FOUND; messages follow the language', async () => {
    const r = await env.app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-gz-lang': 'en' } });
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().error.code, 'ROUTE_NOT_FOUND');
    const zh = await official.request('GET', '/api/places/01900000-0000-7000-8000-000000000000');
    assert.match(zh.body.error.message, /地点/);
  });
});

describe('sorting: each list by each of its columns, both ways; an unknown column → 400', () => {
  const at = (minutes: number) => new Date(Date.parse('2026-11-01T09:00:00+08:00') + minutes * 60_000);

  test('people: by name, by registration time', async () => {
    const ids: string[] = [];
    for (const [name, minutes] of [['Sort B', 2], ['Sort C', 0], ['Sort A', 1]] as const) {
      const { id } = await createPerson(w.ctx, { placeId: w.places.B, name, tags: [] });
      await read(env.kernel).updateTable('reg_persons').set({ created_at: at(minutes) }).where('id', '=', id).execute();
      ids.push(id);
    }
    const [p1, p2, p3] = ids as [string, string, string];
    await expectSorts(env.kernel, official, `/api/persons?placeId=${w.places.B}`, PersonsSort, { name: [p3, p1, p2], createdAt: [p2, p3, p1] });
  });

  test('organisations: by place (the tree, then kind and name), by name, by kind', async () => {
    const org = async (placeId: string, kind: 'developer' | 'social_org' | 'department', name: string) => (await createOrganisation(w.ctx, { placeId, kind, name })).id;
    const o1 = await org(w.places.A, 'developer', 'Sort A');
    const o2 = await org(w.places.C1, 'social_org', 'Sort C');
    const o3 = await org(w.places.G1, 'department', 'Sort B');
    await expectSorts(env.kernel, official, `/api/organisations?placeId=${w.places.C1}`, OrganisationsSort, {
      place: [o2, o3, o1],
      name: [o1, o3, o2],
      kind: [o3, o1, o2],
    });
  });

  test("a place's children: by name in natural order (9 before 10), by kind", async () => {
    const k1 = (await createPlace(w.ctx, { parentId: w.places.C2, kind: 'compound', name: 'Z10', compound: { managementMode: 'none' } })).id;
    const k2 = (await createPlace(w.ctx, { parentId: w.places.C2, kind: 'grid', name: 'Z9' })).id;
    const k3 = (await createPlace(w.ctx, { parentId: w.places.C2, kind: 'compound', name: 'Y9', compound: { managementMode: 'none' } })).id;
    await expectSorts(env.kernel, official, `/api/places/${w.places.C2}/children`, ChildrenSort, { name: [k3, k2, k1], kind: [k1, k3, k2] });
  });

  test('rooms: by place, by number in natural order, by floor, area and use', async () => {
    const building = (await createPlace(w.ctx, { parentId: w.places.B, kind: 'building', name: '9栋' })).id;
    const unit = (await createPlace(w.ctx, { parentId: building, kind: 'unit', name: '1单元' })).id;
    const room = async (name: string, floor: number, area: string, use: 'residential' | 'commercial' | 'parking') =>
      (await createPlace(w.ctx, { parentId: unit, kind: 'room', name, room: { floor, area, areaSource: 'register', use } })).id;
    const r1 = await room('12', 2, '60.00', 'commercial');
    const r2 = await room('9', 3, '40.00', 'residential');
    const r3 = await room('10', 1, '80.00', 'parking');
    await expectSorts(env.kernel, official, `/api/rooms?placeId=${unit}`, RoomsSort, {
      path: [r1, r2, r3],
      name: [r2, r3, r1],
      floor: [r3, r1, r2],
      area: [r2, r1, r3],
      use: [r1, r3, r2],
    });
  });
});
