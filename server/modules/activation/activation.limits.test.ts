import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signIn } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { fixtureIdNumber, last4, nextPhone, RESIDENT_PASSWORD, signUpResident } from './test-support.ts';
import { read } from './activation.db.ts';

/**
 * Guessing, and what stops it beyond the per-account limit: a room whose claims keep failing
 * stops activating by itself for a day, and a slip's code can be replaced. (A file of its own:
 * each test file's server has its own sign-in rate limit, and these tests sign in many accounts.)
 */
const { env, w } = useWorld();
const ID = { zed: fixtureIdNumber(4) };

const personOf = async (accountId: string) =>
  await read(env.kernel).selectFrom('accounts').select(['person_id', 'display_name']).where('id', '=', accountId).executeTakeFirstOrThrow();

test('guessing one room from many accounts: after ten failures in a day even the right digits wait for review', async () => {
  const wrong = last4(ID.zed) === '0000' ? '1111' : '0000';
  // Three accounts, each under its own limit of five: ten failures on Z101 in all.
  for (const tries of [4, 4, 2]) {
    const guesser = await signUpResident(env, nextPhone());
    for (let i = 0; i < tries; i++) {
      env.clock.advance(1000);
      assert.equal((await guesser.request('POST', '/api/activation/claims', { roomId: w.rooms.Z101, name: '赵泽', idLast4: wrong })).status, 202);
    }
  }
  const owner = await signUpResident(env, nextPhone());
  const paused = await owner.request('POST', '/api/activation/claims', { roomId: w.rooms.Z101, name: '赵泽', idLast4: last4(ID.zed) });
  assert.equal(paused.status, 202, JSON.stringify(paused.body));
  assert.equal(paused.body.status, 'pending');
  assert.equal((await personOf(owner.accountId)).person_id, null);
  const filed = await read(env.kernel).selectFrom('act_claims').select(['reason', 'candidate_person_id']).where('id', '=', paused.body.claimId).executeTakeFirstOrThrow();
  assert.deepEqual(filed, { reason: 'room_paused', candidate_person_id: w.persons.zed }, 'the reviewer sees why, and whom the claim matched');

  // A day after the failures the room activates by itself again.
  env.clock.advance(24 * 60 * 60_000);
  const again = await signIn(env.app, owner.login, RESIDENT_PASSWORD);
  const ok = await again.request('POST', '/api/activation/claims', { roomId: w.rooms.Z101, name: '赵泽', idLast4: last4(ID.zed) });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal((await personOf(owner.accountId)).person_id, w.persons.zed);
});

test('a reissued code replaces the old one at once; only those who print slips may reissue', async () => {
  const official = await signIn(env.app, 'street_official', PASSWORD);
  const before = (await official.request('GET', `/api/activation/rooms/${w.rooms.A103}/code`)).body;
  assert.equal(before.canReissue, true);
  const reissued = await official.request('POST', `/api/activation/rooms/${w.rooms.A103}/code`);
  assert.equal(reissued.status, 200, JSON.stringify(reissued.body));
  assert.match(reissued.body.code, /^[2-9A-HJKMNP-TV-Z]{8}$/);
  assert.notEqual(reissued.body.code, before.code);

  const r = await signUpResident(env, nextPhone());
  if (before.code) assert.equal((await r.request('GET', `/api/activation/codes/${before.code}`)).status, 404, 'the old code names nothing');
  const look = await r.request('GET', `/api/activation/codes/${reissued.body.code}`);
  assert.equal(look.status, 200);
  assert.equal(look.body.room.id, w.rooms.A103);
  const entry = await read(env.kernel).selectFrom('audit_log').select('detail').where('action', '=', 'activation.code_reissued').where('place_id', '=', w.rooms.A103).executeTakeFirst();
  assert.ok(entry && !JSON.stringify(entry.detail).includes(reissued.body.code), 'audited, without the code');

  // The property manager sees the room but prints no slips; a resident does not see it at all.
  const manager = await signIn(env.app, 'property_manager', PASSWORD);
  assert.deepEqual((await manager.request('GET', `/api/activation/rooms/${w.rooms.A103}/code`)).body, { roomId: w.rooms.A103, code: null, canReissue: false });
  assert.equal((await manager.request('POST', `/api/activation/rooms/${w.rooms.A103}/code`)).status, 403);
  assert.equal((await r.request('POST', `/api/activation/rooms/${w.rooms.A103}/code`)).status, 404);
  assert.equal((await official.request('POST', `/api/activation/rooms/${w.places.A}/code`)).status, 404, 'only rooms have codes');
});
