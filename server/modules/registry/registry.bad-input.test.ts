import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countRows, signIn, startTestEnv, type Session, type TestEnv, expectRefused as refused } from '../../test/harness.ts';
import { buildWorld, PASSWORD, type World } from '../../test/fixture.ts';
import { read } from './registry.db.ts';

/** Bad input gets a 4xx with a stable code and writes nothing: counts before = after. */
const TABLES = ['places', 'reg_rooms', 'reg_persons', 'reg_households', 'reg_organisations', 'reg_positions', 'approvals', 'audit_log'];

let env: TestEnv;
let w: World;
let official: Session;
before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  official = await signIn(env.app, 'street_official', PASSWORD);
});
after(() => env.close());

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
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'street_official', password: PASSWORD } });
    await expectRefused(async () => {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/places',
        headers: { cookie: `gz_session=${login.cookies[0]!.value}`, 'x-csrf-token': login.json().csrfToken, 'content-type': 'application/json' },
        payload: '{"parentId": "x",',
      });
      return { status: r.statusCode, body: r.json() };
    }, 400, 'MALFORMED_JSON');
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
