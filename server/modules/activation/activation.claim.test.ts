import { appDb } from '../../app.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitForTask } from '../../kernel/tasks/tasks.ts';
import { signIn, type Session } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { fixtureIdNumber, last4, nextPhone, RESIDENT_PASSWORD, signUpResident } from './test-support.ts';
import { read } from './activation.db.ts';

/**
 * Claiming a room: a match activates (the account is linked to the registry person and sees the
 * room at /api/me/home, with the registry's relation); anything else waits for the residents'
 * committee; unsuccessful claims are limited to five an hour.
 */
const { env, w, signedIn } = useWorld();
// Fresh sign-ins per test: tests move the clock past the 30-minute idle timeout.
const committee = signedIn('committee_staff', { each: true });
const official = signedIn('street_official', { each: true });
const ID = { alice: fixtureIdNumber(1), tom: fixtureIdNumber(2), bob: fixtureIdNumber(3), sun: fixtureIdNumber(5) };

const personOf = async (accountId: string) =>
  (await read(env.kernel).selectFrom('accounts').select(['person_id', 'display_name']).where('id', '=', accountId).executeTakeFirstOrThrow());

describe('claims that match activate', () => {
  test('the owner of B101 claims it with name and ID digits: linked, resident, sees the room', async () => {
    const r = await signUpResident(env, nextPhone());
    assert.deepEqual((await r.request('GET', '/api/me/home')).body.rooms, [], 'not activated yet: no rooms');
    assert.deepEqual((await r.request('GET', '/api/auth/me')).body.roles, []);

    const res = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.B101, name: '李波', idLast4: last4(ID.bob) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'activated');
    assert.deepEqual(res.body.person.relations, ['owner']);
    assert.equal(res.body.room.label, '明月小区 / 1栋 / 1单元 / 101');

    const acc = await personOf(r.accountId);
    assert.equal(acc.person_id, w.persons.bob);
    assert.equal(acc.display_name, '李波', 'the account now shows the person’s name');
    const home = (await r.request('GET', '/api/me/home')).body;
    assert.deepEqual(home.rooms.map((x: { roomId: string; relation: string }) => [x.roomId, x.relation]), [[w.rooms.B101, 'owner']]);
    assert.deepEqual((await r.request('GET', '/api/auth/me')).body.roles.map((x: { role: string }) => x.role), ['resident']);
    const mine = (await r.request('GET', '/api/activation/me')).body;
    assert.equal(mine.activated, true);
    assert.equal(mine.claims[0].status, 'activated');

    const entry = await read(env.kernel).selectFrom('audit_log').select(['action', 'place_id']).where('subject_id', '=', r.accountId).where('action', '=', 'activation.claim_activated').executeTakeFirst();
    assert.equal(entry?.place_id, w.rooms.B101, 'audited');

    const again = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.B101, name: '李波', idLast4: last4(ID.bob) });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ALREADY_ACTIVATED');
  });

  test('names and digits are forgiving: spaces, full-width digits, a lower-case x', async () => {
    const r = await signUpResident(env, nextPhone());
    const person = await w.person(w.places.A, '欧阳 小明');
    await w.household(w.rooms.A103, person, 'family');
    const id = (await appDb(env.kernel).selectFrom('reg_persons').select('id_number_masked').where('id', '=', person).executeTakeFirstOrThrow()).id_number_masked!;
    const typed = last4(id).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).toLowerCase();
    const res = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.A103, name: ' 欧阳小明 ', idLast4: typed });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.person.relations, ['family']);
  });
});

describe('a tenant claims as a tenant', () => {
  test('the linked relation stays tenant; a claim cannot ask for ownership', async () => {
    const r = await signUpResident(env, nextPhone());
    const asOwner = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.A102, name: '陈涛', idLast4: last4(ID.tom), relation: 'owner' });
    assert.equal(asOwner.status, 400, 'a relation is not part of a claim');
    assert.equal(asOwner.body.error.code, 'VALIDATION_FAILED');
    assert.equal((await personOf(r.accountId)).person_id, null);

    const res = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.A102, name: '陈涛', idLast4: last4(ID.tom) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.person.relations, ['tenant']);
    const home = (await r.request('GET', '/api/me/home')).body;
    assert.equal(home.rooms.length, 1);
    assert.equal(home.rooms[0].relation, 'tenant');
    // Nothing was added to the room: still one current household for 陈涛, as a tenant.
    const rows = await appDb(env.kernel).selectFrom('reg_households').select('relation').where('person_id', '=', w.persons.tom).execute();
    assert.deepEqual(rows.map((x) => x.relation), ['tenant']);
  });
});

describe('wrong ID digits', () => {
  test('do not activate, say nothing about which part was wrong, and are limited to five an hour', async () => {
    const signedUp = await signUpResident(env, nextPhone());
    let r: Session = signedUp;
    const claim = (name: string, digits: string) => r.request('POST', '/api/activation/claims', { roomId: w.rooms.A201, name, idLast4: digits });
    const wrongDigits = last4(ID.sun) === '0000' ? '1111' : '0000';

    const a = await claim('孙宁', wrongDigits);
    const b = await claim('孙小宁', last4(ID.sun));
    assert.equal(a.status, 202);
    assert.equal(b.status, 202);
    const shape = (x: { body: Record<string, unknown> }) => ({ ...x.body, claimId: 'x' });
    assert.deepEqual(shape(a), shape(b), 'a wrong name and wrong digits answer alike');
    assert.equal((await personOf(signedUp.accountId)).person_id, null);

    for (let i = 0; i < 3; i++) {
      env.clock.advance(60_000);
      assert.equal((await claim('孙宁', wrongDigits)).status, 202);
    }
    env.clock.advance(60_000);
    const limited = await claim('孙宁', last4(ID.sun));
    assert.equal(limited.status, 429, 'five unsuccessful claims: even the right digits wait');
    assert.equal(limited.body.error.code, 'CLAIM_RATE_LIMITED');
    assert.equal((await personOf(signedUp.accountId)).person_id, null);

    // The first failure leaves the hour 56 minutes after this point; then one more try is allowed.
    env.clock.advance(55 * 60_000);
    r = await signIn(env.app, signedUp.login, RESIDENT_PASSWORD); // the idle session has timed out meanwhile
    assert.equal((await claim('孙宁', last4(ID.sun))).status, 429);
    env.clock.advance(60_000 + 1);
    const ok = await claim('孙宁', last4(ID.sun));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await personOf(signedUp.accountId)).person_id, (await appDb(env.kernel).selectFrom('reg_persons').select('id').where('name', '=', '孙宁').executeTakeFirstOrThrow()).id);

    // Only the newest open claim per room stays in the queue; activation clears it.
    const open = await read(env.kernel).selectFrom('act_claims').select('status').where('account_id', '=', signedUp.accountId).where('status', '=', 'pending').execute();
    assert.equal(open.length, 0);
  });

  test('the reviewer sees why; the claimant does not', async () => {
    const r = await signUpResident(env, nextPhone());
    const res = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.A101, name: '王丽', idLast4: last4(ID.alice) === '1234' ? '4321' : '1234' });
    assert.equal(res.status, 202);
    const mine = (await r.request('GET', '/api/activation/me')).body;
    assert.equal(mine.claims[0].status, 'pending');
    assert.equal(mine.claims[0].reason, undefined, 'no reason for the claimant');
    const seen = (await committee.request('GET', `/api/activation/claims/${res.body.claimId}`)).body;
    assert.equal(seen.reason, 'id_mismatch');
    assert.equal(seen.candidatePersonId, w.persons.alice);
  });
});

describe('the review queue', () => {
  test('a claim on a room with no such person waits; the committee registers the person and approves', async () => {
    const r = await signUpResident(env, nextPhone());
    const res = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.A103, name: '周新', idLast4: '1234' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.status, 'pending');

    const queue = (await committee.request('GET', '/api/activation/claims?status=pending')).body;
    const row = queue.items.find((c: { id: string }) => c.id === res.body.claimId);
    assert.ok(row, 'in the committee’s queue');
    assert.equal(row.reason, 'no_person_named');
    assert.equal(row.roomLabel, '阳光花园 / 1栋 / 1单元 / 103');
    assert.match(row.phone, /^\d{3}\*{4}\d{4}$/);

    // Approving needs a member of the room: there is none of that name yet.
    const premature = await committee.request('POST', `/api/activation/claims/${res.body.claimId}/approve`, {});
    assert.equal(premature.status, 400);
    assert.equal(premature.body.error.code, 'CLAIM_PERSON_REQUIRED');

    const person = await committee.request('POST', '/api/persons', { placeId: w.places.A, name: '周新' });
    assert.equal(person.status, 201);
    assert.equal((await committee.request('POST', '/api/households', { roomId: w.rooms.A103, personId: person.body.id, relation: 'tenant' })).status, 201);
    const detail = (await committee.request('GET', `/api/activation/claims/${res.body.claimId}`)).body;
    assert.ok(detail.members.some((m: { personId: string }) => m.personId === person.body.id));

    const ok = await committee.request('POST', `/api/activation/claims/${res.body.claimId}/approve`, { personId: person.body.id });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await personOf(r.accountId)).person_id, person.body.id);
    const home = (await r.request('GET', '/api/me/home')).body;
    assert.deepEqual(home.rooms.map((x: { roomId: string; relation: string }) => [x.roomId, x.relation]), [[w.rooms.A103, 'tenant']]);
    assert.equal((await r.request('GET', '/api/activation/me')).body.claims[0].status, 'approved');
    const audited = await read(env.kernel).selectFrom('audit_log').select('actor_name').where('action', '=', 'activation.claim_approved').where('subject_id', '=', res.body.claimId).executeTakeFirst();
    assert.equal(audited?.actor_name, 'committee_staff');

    const twice = await committee.request('POST', `/api/activation/claims/${res.body.claimId}/approve`, { personId: person.body.id });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'CLAIM_NOT_PENDING');
  });

  test('a rejection carries a reason the claimant reads', async () => {
    const r = await signUpResident(env, nextPhone());
    const res = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.A101, name: '王大丽', idLast4: '0001' });
    assert.equal(res.status, 202);
    const empty = await committee.request('POST', `/api/activation/claims/${res.body.claimId}/reject`, { reason: '  ' });
    assert.equal(empty.status, 400);
    const no = await committee.request('POST', `/api/activation/claims/${res.body.claimId}/reject`, { reason: '该房屋无此住户，请携带房产证到居委会办理' });
    assert.equal(no.status, 200);
    const mine = (await r.request('GET', '/api/activation/me')).body;
    assert.equal(mine.activated, false);
    assert.equal(mine.claims[0].status, 'rejected');
    assert.equal(mine.claims[0].decisionNote, '该房屋无此住户，请携带房产证到居委会办理');
  });

  test('a person already linked to another account waits; approving moves the link', async () => {
    const r = await signUpResident(env, nextPhone());
    const res = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.A101, name: '王丽', idLast4: last4(ID.alice) });
    assert.equal(res.status, 202, 'the right name and digits, but 王丽 already has an account');
    const detail = (await committee.request('GET', `/api/activation/claims/${res.body.claimId}`)).body;
    assert.equal(detail.reason, 'person_linked_elsewhere');
    const ok = await committee.request('POST', `/api/activation/claims/${res.body.claimId}/approve`, { note: '本人换了手机号，已当面核实' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await personOf(r.accountId)).person_id, w.persons.alice);
    assert.equal((await personOf(w.accounts.resident)).person_id, null, 'the old account no longer holds 王丽');
    const moved = await read(env.kernel).selectFrom('audit_log').select('subject_id').where('action', '=', 'activation.account_unlinked').execute();
    assert.deepEqual(moved.map((m) => m.subject_id), [w.accounts.resident]);
  });

  test('a name shared by two members of the room waits for review', async () => {
    const r = await signUpResident(env, nextPhone());
    await w.household(w.rooms.B103, await w.person(w.places.B, '张伟'), 'owner');
    await w.household(w.rooms.B103, await w.person(w.places.B, '张伟'), 'family');
    const res = await r.request('POST', '/api/activation/claims', { roomId: w.rooms.B103, name: '张伟', idLast4: '9999' });
    assert.equal(res.status, 202);
    const street = (await official.request('GET', `/api/activation/claims/${res.body.claimId}`));
    assert.equal(street.status, 404, 'the street official is not the residents’ committee');
    const row = await read(env.kernel).selectFrom('act_claims').select('reason').where('id', '=', res.body.claimId).executeTakeFirstOrThrow();
    assert.equal(row.reason, 'name_ambiguous');
  });
});

describe('claims by a household’s activation code', () => {
  test('printing slips issues codes; a code (typed loosely) claims its room', async () => {
    const printed = await official.request('POST', `/api/activation/buildings/${w.places.A1.building}/slips`);
    assert.equal(printed.status, 202, JSON.stringify(printed.body));
    const actor = { accountId: w.accounts.street_official, name: 'street_official', personId: null, grants: [], requestId: null, locale: 'zh-CN' as const };
    assert.equal((await waitForTask(env.kernel, actor, printed.body.taskId)).status, 'done');
    const codeRow = await read(env.kernel).selectFrom('act_household_codes').select('code').where('place_id', '=', w.rooms.A102).executeTakeFirstOrThrow();
    assert.match(codeRow.code, /^[2-9A-HJKMNP-TV-Z]{8}$/);

    const daughter = await w.person(w.places.A, '陈小雨');
    await w.household(w.rooms.A102, daughter, 'family');
    const id = (await appDb(env.kernel).selectFrom('reg_persons').select('id_number_masked').where('id', '=', daughter).executeTakeFirstOrThrow()).id_number_masked!;

    const r = await signUpResident(env, nextPhone());
    const typed = `${codeRow.code.slice(0, 4).toLowerCase()}-${codeRow.code.slice(4)}`;
    const look = await r.request('GET', `/api/activation/codes/${typed}`);
    assert.equal(look.status, 200);
    assert.equal(look.body.room.label, '阳光花园 / 1栋 / 1单元 / 102');

    const res = await r.request('POST', '/api/activation/claims/by-code', { code: typed, name: '陈小雨', idLast4: last4(id) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.person.relations, ['family']);
    assert.equal((await personOf(r.accountId)).person_id, daughter);
  });

  test('an unknown code is 404 and counts as an unsuccessful claim', async () => {
    const r = await signUpResident(env, nextPhone());
    for (let i = 0; i < 5; i++) {
      const res = await r.request('GET', '/api/activation/codes/ABCD2345');
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'CODE_NOT_FOUND');
    }
    const limited = await r.request('POST', '/api/activation/claims/by-code', { code: 'ABCD2345', name: '某人', idLast4: '1234' });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'CLAIM_RATE_LIMITED');
  });
});

describe('the room picker', () => {
  test('compounds by name, then buildings, units and rooms; or a room typed', async () => {
    const r = await signUpResident(env, nextPhone());
    const compounds = (await r.request('GET', '/api/activation/places?q=阳光')).body.items;
    assert.deepEqual(compounds.map((c: { name: string }) => c.name), ['阳光花园']);
    assert.equal(compounds[0].area, '测试街道 / 一社区');
    const all = (await r.request('GET', '/api/activation/places')).body.items.map((c: { name: string }) => c.name);
    assert.deepEqual(all.sort(), ['明月小区', '远方小区', '阳光花园'].sort());
    const buildings = (await r.request('GET', `/api/activation/places?parentId=${w.places.A}`)).body.items;
    assert.deepEqual(buildings.map((b: { name: string }) => b.name), ['1栋', '2栋']);
    const rooms = (await r.request('GET', `/api/activation/places?parentId=${w.places.A1.unit}`)).body.items;
    assert.deepEqual(rooms.map((x: { name: string }) => x.name), ['101', '102', '103']);
    assert.ok(!JSON.stringify(rooms).includes('王丽'), 'names of places only, never of people');

    for (const q of ['1栋1单元101', '1-1-101', '1 1 101', '１栋１单元１０１']) {
      const hits = (await r.request('GET', `/api/activation/rooms?compoundId=${w.places.A}&q=${encodeURIComponent(q)}`)).body.items;
      assert.deepEqual(hits.map((h: { id: string }) => h.id), [w.rooms.A101], q);
    }
    const byNumber = (await r.request('GET', `/api/activation/rooms?compoundId=${w.places.A}&q=201`)).body.items;
    assert.deepEqual(byNumber.map((h: { label: string }) => h.label), ['阳光花园 / 2栋 / 1单元 / 201']);
  });
});
