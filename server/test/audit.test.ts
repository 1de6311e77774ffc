import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { useWorld } from './fixture.ts';
import { canonicalJson, recordAudit, verifyAuditChain } from '../kernel/audit/audit.ts';
import { AuditSort } from '../kernel/audit/audit.routes.ts';
import { expectSorts } from './sorting.ts';

const { env, w, signedIn } = useWorld();
const official = signedIn('street_official');
const approver = signedIn('street2');

const lastSeq = async () =>
  (await env.kernel.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m as number;

describe('every write leaves an audit entry in its own transaction', () => {
  const writes = (): [string, 'POST' | 'PATCH' | 'DELETE', () => string, () => unknown, string][] => [
    ['create place', 'POST', () => '/api/places', () => ({ parentId: w.places.A1.unit, kind: 'room', name: '901', room: { area: '70', areaSource: 'register', use: 'residential' } }), 'registry.place.created'],
    ['update place', 'PATCH', () => `/api/places/${w.places.A1.unit}`, () => ({ name: '一单元' }), 'registry.place.updated'],
    ['create person', 'POST', () => '/api/persons', () => ({ placeId: w.places.A, name: '新居民', phone: '13912345678' }), 'registry.person.created'],
    ['update person', 'PATCH', () => `/api/persons/${w.persons.tom}`, () => ({ tags: ['elderly'] }), 'registry.person.updated'],
    ['create household', 'POST', () => '/api/households', () => ({ roomId: w.rooms.A102, personId: w.persons.bob, relation: 'family' }), 'registry.household.created'],
    ['request owner change', 'POST', () => '/api/households', () => ({ roomId: w.rooms.A102, personId: w.persons.tom, relation: 'co_owner', shareBp: 5000 }), 'approval.requested'],
    ['create organisation', 'POST', () => '/api/organisations', () => ({ placeId: w.places.A, kind: 'social_org', name: '读书会' }), 'registry.organisation.created'],
    ['update organisation', 'PATCH', () => `/api/organisations/${w.organisations.ownersCommitteeA}`, () => ({ creditCode: '12330800MB0000000X' }), 'registry.organisation.updated'],
    ['create position', 'POST', () => '/api/positions', () => ({ personId: w.persons.tom, organisationId: w.organisations.ownersCommitteeA, title: '委员' }), 'registry.position.created'],
    ['update position', 'PATCH', () => `/api/positions/${w.positions.positionA}`, () => ({ termStart: '2026-01-01' }), 'registry.position.updated'],
    ['request deletion', 'DELETE', () => `/api/positions/${w.positions.positionA}`, () => ({ reason: '换届' }), 'approval.requested'],
    ['preferences', 'PATCH', () => '/api/auth/me', () => ({ locale: 'en' }), 'account.preferences_changed'],
  ];
  for (const [name, method, url, body, action] of writes()) {
    test(name, async () => {
      const before = await lastSeq();
      const res = await official.request(method, url(), body());
      assert.ok(res.status < 300, `${name}: ${res.status} ${JSON.stringify(res.body)}`);
      const entries = await env.kernel.db.selectFrom('audit_log').selectAll().where('seq', '>', before).execute();
      assert.ok(entries.some((e) => e.action === action), `${name} wrote ${entries.map((e) => e.action)}`);
      assert.ok(entries.every((e) => e.actor_name === 'street_official' && e.request_id), 'entry names the actor and request');
    });
  }

  test('approving writes the approval and the change it applies', async () => {
    const { body } = await official.request('GET', '/api/approvals?status=pending');
    const pending = body.items.find((a: { kind: string }) => a.kind === 'registry.owner_change');
    const before = await lastSeq();
    const res = await approver.request('POST', `/api/approvals/${pending.id}/approve`, {});
    assert.equal(res.status, 200);
    const actions = (await env.kernel.db.selectFrom('audit_log').select('action').where('seq', '>', before).execute()).map((e) => e.action);
    assert.deepEqual(actions.sort(), ['approval.approved', 'registry.household.created']);
  });

  test('a failed write leaves neither the change nor an entry', async () => {
    const before = await lastSeq();
    const res = await official.request('POST', '/api/places', { parentId: w.places.A1.unit, kind: 'room', name: '101', room: { area: '70', areaSource: 'register', use: 'residential' } });
    assert.equal(res.status, 409);
    assert.equal(await lastSeq(), before);
  });
});

describe('audit verify', () => {
  test('an untouched chain verifies', async () => {
    const result = await verifyAuditChain(env.kernel.db);
    assert.equal(result.ok, true, JSON.stringify(result.problems));
    assert.equal(result.entries, await lastSeq());
    const viaApi = await official.request('GET', '/api/audit/verify');
    assert.equal(viaApi.body.ok, true);
  });

  test('editing one entry makes verify fail and name it', async () => {
    const target = 5;
    const original = await env.kernel.db.selectFrom('audit_log').selectAll().where('seq', '=', target).executeTakeFirstOrThrow();
    await sql`update audit_log set actor_name = 'someone else' where seq = ${target}`.execute(env.kernel.db);
    const result = await verifyAuditChain(env.kernel.db);
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map((p) => [p.seq, p.kind]), [[target, 'edited']]);
    await sql`update audit_log set actor_name = ${original.actor_name} where seq = ${target}`.execute(env.kernel.db);
    assert.equal((await verifyAuditChain(env.kernel.db)).ok, true);
  });

  test('editing the detail JSON is caught too', async () => {
    const row = await env.kernel.db.selectFrom('audit_log').selectAll().where('detail', 'is not', null).orderBy('seq').executeTakeFirstOrThrow();
    await sql`update audit_log set detail = '{"kind":"forged"}'::jsonb where seq = ${row.seq}`.execute(env.kernel.db);
    const result = await verifyAuditChain(env.kernel.db);
    assert.deepEqual(result.problems.map((p) => [p.seq, p.kind]), [[row.seq, 'edited']]);
    await sql`update audit_log set detail = ${canonicalJson(row.detail)}::jsonb where seq = ${row.seq}`.execute(env.kernel.db);
    assert.equal((await verifyAuditChain(env.kernel.db)).ok, true);
  });

  test('inserting a forged entry is named', async () => {
    const last = await lastSeq();
    await sql`insert into audit_log (seq, id, at, action, prev_hash, hash) values (${last + 1}, gen_random_uuid(), now(), 'forged', 'x', 'y')`.execute(env.kernel.db);
    const result = await verifyAuditChain(env.kernel.db);
    assert.ok(result.problems.some((p) => p.seq === last + 1), JSON.stringify(result.problems));
    await sql`delete from audit_log where seq = ${last + 1}`.execute(env.kernel.db);
  });

  test('deleting the newest entries is caught by the recorded head', async () => {
    const last = await lastSeq();
    const saved = await env.kernel.db.selectFrom('audit_log').selectAll().where('seq', '=', last).executeTakeFirstOrThrow();
    await sql`delete from audit_log where seq = ${last}`.execute(env.kernel.db);
    const result = await verifyAuditChain(env.kernel.db);
    assert.deepEqual(result.problems.map((p) => [p.seq, p.kind]), [[last, 'deleted']]);
    await env.kernel.db.insertInto('audit_log').values({ ...saved, detail: saved.detail === null ? null : JSON.stringify(saved.detail) }).execute();
    assert.equal((await verifyAuditChain(env.kernel.db)).ok, true);
  });

  test('deleting one entry makes verify fail and name it', async () => {
    await sql`delete from audit_log where seq = 7`.execute(env.kernel.db);
    const result = await verifyAuditChain(env.kernel.db);
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map((p) => [p.seq, p.kind]), [[7, 'deleted']]);
    const viaApi = await official.request('GET', '/api/audit/verify');
    assert.equal(viaApi.body.ok, false);
    assert.match(viaApi.body.problems[0].message, /7/);
  });
});

describe('sorting the log', () => {
  test('by its order, action and actor, both ways; an unknown column → 400', async () => {
    // Three entries with known actions and actors, in this order (seq ascending).
    const made: string[] = [];
    for (const [action, actor] of [
      ['zzsort.b', 'sorter b'],
      ['zzsort.c', 'sorter a'],
      ['zzsort.a', 'sorter c'],
    ] as const) {
      await env.kernel.db.transaction().execute((tx) => recordAudit(tx, { accountId: null, name: actor }, { action, placeId: w.places.A }));
      made.push((await env.kernel.db.selectFrom('audit_log').select('id').orderBy('seq', 'desc').executeTakeFirstOrThrow()).id);
    }
    const [first, second, third] = made as [string, string, string];
    await expectSorts(env.kernel, official, '/api/audit?action=zzsort', AuditSort, {
      seq: [first, second, third],
      action: [third, first, second],
      actorName: [second, first, third],
    });
  });
});
