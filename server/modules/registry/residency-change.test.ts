import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import type { Ctx } from '../../kernel/context.ts';
import { write as kwrite } from '../../kernel/context.ts';
import { countRows } from '../../test/harness.ts';
import { withIdChecksum } from '../../kernel/pii/pii.ts';
import { useWorld } from '../../test/fixture.ts';
import { read } from './registry.db.ts';
import { applyResidencyChange, type ResidencyChange, residentAtRoom } from './use-cases/residency-change.ts';

/**
 * The registry's public face for verified residency changes (grid collection, 四个实有): a tenant arriving is a
 * household at once, with the person registered if new and found again by ID number if known; leaving ends the
 * household; ownership goes to the second-approver queue and writes no household; an actor outside the room's
 * place is refused and nothing is written.
 */
const { env, w } = useWorld();
const ID = withIdChecksum('33080219920304001');
const TABLES = ['reg_households', 'reg_persons', 'approvals', 'audit_log'];
const staff = async (role: 'committee_staff' | 'property_staff'): Promise<Ctx> => ({
  kernel: env.kernel,
  actor: { accountId: w.accounts[role], name: role, personId: null, grants: await loadGrants(env.kernel.db, w.accounts[role]), requestId: null, locale: 'zh-CN' },
});
const apply = async (ctx: Ctx, change: ResidencyChange) => kwrite(ctx, (tx) => applyResidencyChange(tx, ctx, change));
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));
const householdsAt = (roomId: string) =>
  read(env.kernel).selectFrom('reg_households').select(['person_id', 'relation', 'start_date', 'end_date']).where('room_id', '=', roomId).orderBy('id').execute();

describe('applying a verified residency change', () => {
  test('a new tenant: the person registered at the compound and a household from the contract start, audited once each', async () => {
    const ctx = await staff('committee_staff');
    const out = await apply(ctx, { op: 'arrive', roomId: w.rooms.A103, relation: 'tenant', startDate: '2026-11-01', person: { name: '钱多多', phone: '13912345678', idNumber: ID } });
    assert.equal(out.status, 'applied');
    assert.ok(out.status === 'applied' && out.personCreated);
    const rows = await householdsAt(w.rooms.A103);
    assert.deepEqual(rows.map((r) => [r.relation, r.start_date, r.end_date]), [['tenant', '2026-11-01', null]]);
    const person = await read(env.kernel).selectFrom('reg_persons').select(['name', 'place_id', 'phone_masked']).where('id', '=', rows[0]!.person_id!).executeTakeFirstOrThrow();
    assert.deepEqual(person, { name: '钱多多', place_id: w.places.A, phone_masked: '139****5678' });
    const audits = await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', 'in', [rows[0]!.person_id!]).execute();
    assert.deepEqual(audits.map((a) => a.action), ['registry.person.created']);

    // The same ID number again (moving to another room) finds the person; no second registration.
    const again = await apply(ctx, { op: 'arrive', roomId: w.rooms.A201, relation: 'family', startDate: '2026-11-02', person: { name: '钱多多', idNumber: ID } });
    assert.ok(again.status === 'applied' && !again.personCreated && again.personId === out.personId);
    const match = await residentAtRoom(env.kernel.db, ctx, { roomId: w.rooms.A103, idNumber: ID });
    assert.equal(match.knownPersonId, out.personId);
    assert.deepEqual(match.householdsHere.map((h) => h.relation), ['tenant']);

    // Leaving ends the household on the day.
    const left = await apply(ctx, { op: 'leave', roomId: w.rooms.A103, personId: out.personId, endDate: '2026-11-20' });
    assert.equal(left.status, 'applied');
    assert.deepEqual((await householdsAt(w.rooms.A103)).map((r) => [r.relation, r.end_date]), [['tenant', '2026-11-20']]);
    assert.deepEqual((await residentAtRoom(env.kernel.db, ctx, { roomId: w.rooms.A103, idNumber: ID })).householdsHere, []);
  });

  test('an owner arriving or leaving waits for the second approver: no household changes', async () => {
    const ctx = await staff('committee_staff');
    const before = await householdsAt(w.rooms.A101);
    const add = await apply(ctx, { op: 'arrive', roomId: w.rooms.A101, relation: 'co_owner', shareBp: 5000, startDate: '2026-11-01', person: { personId: w.persons.tom } });
    assert.equal(add.status, 'pending_approval');
    const end = await apply(ctx, { op: 'leave', roomId: w.rooms.A101, personId: w.persons.alice, endDate: '2026-11-30' });
    assert.equal(end.status, 'pending_approval');
    assert.deepEqual(await householdsAt(w.rooms.A101), before);
    const approvals = await read(env.kernel).selectFrom('approvals').select(['kind', 'status']).where('place_id', '=', w.rooms.A101).execute();
    assert.deepEqual(approvals, [{ kind: 'registry.owner_change', status: 'pending' }, { kind: 'registry.owner_change', status: 'pending' }]);
    assert.equal(await codeOf(apply(ctx, { op: 'arrive', roomId: w.rooms.A101, relation: 'owner', startDate: '2026-11-01', person: { personId: w.persons.tom } })), 'SHARE_REQUIRED');
  });

  test('refused outside the actor\'s place or without household rights, and nothing written', async () => {
    const before = await countRows(env.kernel, TABLES);
    const committee = await staff('committee_staff');
    assert.equal(await codeOf(apply(committee, { op: 'arrive', roomId: w.rooms.Z103, relation: 'tenant', startDate: '2026-11-01', person: { name: '外人' } })), 'ROOM_NOT_FOUND');
    const property = await staff('property_staff');
    assert.equal(await codeOf(apply(property, { op: 'arrive', roomId: w.rooms.A103, relation: 'tenant', startDate: '2026-11-01', person: { name: '某人' } })), 'FORBIDDEN');
    assert.equal(await codeOf(apply(committee, { op: 'leave', roomId: w.rooms.A103, personId: w.persons.bob, endDate: '2026-11-01' })), 'HOUSEHOLD_NOT_FOUND');
    assert.deepEqual(await countRows(env.kernel, TABLES), before);
  });
});
