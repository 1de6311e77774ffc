import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRows, expectRefused as refused } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { nextPhone, post, signUpResident } from './test-support.ts';
import { expectSorts, sortRows, sortTime as at } from '../../test/sorting.ts';
import { ClaimsSort } from './activation.schemas.ts';
import { read } from './activation.db.ts';

/** Bad input gets a 4xx with a stable code and writes nothing: counts before = after. */
const TABLES = ['act_otps', 'act_claim_attempts', 'act_claims', 'act_household_codes', 'accounts', 'sessions', 'tasks', 'audit_log'];
const NOWHERE = '01900000-0000-7000-8000-000000000000';

const { env, w, setUp, signedIn, afterSetUp } = useWorld();
const resident = setUp('a resident', () => signUpResident(env, nextPhone()));
let claimId: string;
afterSetUp(async () => {
  const other = await signUpResident(env, nextPhone());
  claimId = (await other.request('POST', '/api/activation/claims', { roomId: w.rooms.A101, name: '无此人', idLast4: '1234' })).body.claimId;
});
const committee = signedIn('committee_staff', { each: true });
const official = signedIn('street_official', { each: true });

const expectRefused = (send: () => Promise<{ status: number; body: any }>, status: number, code: string) => refused(env.kernel, TABLES, send, status, code);
const open = async (url: string, payload: unknown) => {
  const r = await post(env, url, payload as object);
  return { status: r.statusCode, body: r.json() };
};

describe('sign-up: bad input', () => {
  test('phone numbers that are not mobile numbers → 400 naming the field', async () => {
    for (const phone of ['12345', '23800000001', '1380000000a', '', 13800000001]) {
      const err = await expectRefused(() => open('/api/activation/otp', { phone }), 400, 'VALIDATION_FAILED');
      assert.match(JSON.stringify(err.details), /phone/);
    }
  });
  test('unknown fields, missing fields, malformed codes → 400', async () => {
    await expectRefused(() => open('/api/activation/otp', { phone: '13712345678', purpose: 'reset' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => open('/api/activation/signup', { phone: '13712345678', code: '12345', password: 'Abc12345' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => open('/api/activation/signup', { phone: '13712345678', code: '12345a', password: 'Abc12345' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => open('/api/activation/signup', { phone: '13712345678', password: 'Abc12345' }), 400, 'VALIDATION_FAILED');
  });
  test('malformed JSON → 400 MALFORMED_JSON', async () => {
    await expectRefused(async () => {
      const r = await env.app.inject({ method: 'POST', url: '/api/activation/otp', headers: { 'content-type': 'application/json' }, payload: '{"phone": "1371' });
      return { status: r.statusCode, body: r.json() };
    }, 400, 'MALFORMED_JSON');
  });
  test('a code never sent → 400 OTP_EXPIRED', async () => {
    await expectRefused(() => open('/api/activation/signup', { phone: '13799999999', code: '123456', password: 'Abc12345' }), 400, 'OTP_EXPIRED');
  });
});

describe('claims: bad input', () => {
  test('wrong types and shapes → 400', async () => {
    await expectRefused(() => resident.request('POST', '/api/activation/claims', { roomId: 'not-a-uuid', name: '王丽', idLast4: '1234' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => resident.request('POST', '/api/activation/claims', { roomId: w.rooms.A101, name: '', idLast4: '1234' }), 400, 'VALIDATION_FAILED');
    for (const idLast4 of ['123', '12345', 'abcd', 'X123', 1234]) {
      await expectRefused(() => resident.request('POST', '/api/activation/claims', { roomId: w.rooms.A101, name: '王丽', idLast4 }), 400, 'VALIDATION_FAILED');
    }
    await expectRefused(() => resident.request('POST', '/api/activation/claims', { roomId: w.rooms.A101, name: '王丽', idLast4: '1234', relation: 'owner' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => resident.request('POST', '/api/activation/claims/by-code', { code: 'ABC', name: '王丽', idLast4: '1234' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => resident.request('POST', '/api/activation/claims/by-code', { code: 'ABCD234O', name: '王丽', idLast4: '1234' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => resident.request('GET', '/api/activation/codes/too-short'), 400, 'VALIDATION_FAILED');
  });
  test('a room that does not exist, or a place that is not a room → 404', async () => {
    await expectRefused(() => resident.request('POST', '/api/activation/claims', { roomId: NOWHERE, name: '王丽', idLast4: '1234' }), 404, 'ROOM_NOT_FOUND');
    await expectRefused(() => resident.request('POST', '/api/activation/claims', { roomId: w.places.A1.building, name: '王丽', idLast4: '1234' }), 404, 'ROOM_NOT_FOUND');
  });
  test('the room picker: unknown or out-of-range places → 404', async () => {
    await expectRefused(() => resident.request('GET', `/api/activation/places?parentId=${NOWHERE}`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => resident.request('GET', `/api/activation/places?parentId=${w.places.S}`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => resident.request('GET', `/api/activation/rooms?compoundId=${w.places.A1.building}&q=101`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => resident.request('GET', `/api/activation/rooms?compoundId=${w.places.A}`), 400, 'VALIDATION_FAILED');
  });
});

describe('review and officials: bad input', () => {
  test('unknown claims → 404; malformed ids and bodies → 400', async () => {
    await expectRefused(() => committee.request('GET', `/api/activation/claims/${NOWHERE}`), 404, 'CLAIM_NOT_FOUND');
    await expectRefused(() => committee.request('POST', `/api/activation/claims/${NOWHERE}/approve`, {}), 404, 'CLAIM_NOT_FOUND');
    await expectRefused(() => committee.request('POST', '/api/activation/claims/nope/approve', {}), 400, 'VALIDATION_FAILED');
    await expectRefused(() => committee.request('POST', `/api/activation/claims/${claimId}/reject`, {}), 400, 'VALIDATION_FAILED');
    await expectRefused(() => committee.request('POST', `/api/activation/claims/${claimId}/reject`, { reason: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => committee.request('POST', `/api/activation/claims/${claimId}/approve`, { personId: 'nobody' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => committee.request('POST', `/api/activation/claims/${claimId}/approve`, { personId: w.persons.bob }), 400, 'CLAIM_PERSON_NOT_MEMBER');
    await expectRefused(() => committee.request('GET', '/api/activation/claims?status=maybe'), 400, 'VALIDATION_FAILED');
    await expectRefused(() => committee.request('GET', '/api/activation/claims?pageSize=1000'), 400, 'VALIDATION_FAILED');
  });
  test('rates and slips on unknown or wrong places', async () => {
    await expectRefused(() => official.request('GET', `/api/activation/rates?placeId=${NOWHERE}`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => official.request('GET', '/api/activation/rates?placeId=x'), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('POST', `/api/activation/buildings/${NOWHERE}/slips`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => official.request('POST', `/api/activation/buildings/${w.places.A}/slips`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => official.request('GET', `/api/activation/slips/${NOWHERE}`), 404, 'NOT_FOUND');
    await expectRefused(() => official.request('GET', '/api/sms/sandbox?phone=123'), 400, 'VALIDATION_FAILED');
  });
});

describe('the review queue: sorting', () => {
  test('by each column, both ways; an unknown column → 400', async () => {
    const values = [
      { created_at: at(2), place_id: w.rooms.A101, claimed_name: 'Sort B', method: 'room', status: 'activated' },
      { created_at: at(0), place_id: w.rooms.A201, claimed_name: 'Sort C', method: 'code', status: 'approved' },
      { created_at: at(1), place_id: w.rooms.A102, claimed_name: 'Sort A', method: 'room', status: 'rejected', decision_note: '不符' },
    ] as const;
    const claimed = async () => {
      const claimant = await signUpResident(env, nextPhone());
      const claim = await claimant.request('POST', '/api/activation/claims', { roomId: w.rooms.A103, name: '无此人', idLast4: '1234' });
      assert.equal(claim.status, 202, JSON.stringify(claim.body));
      return claim.body.claimId as string;
    };
    const [c1, c2, c3] = await sortRows(values, claimed, (id, v) => read(env.kernel).updateTable('act_claims').set(v).where('id', '=', id).execute());
    await expectSorts(env.kernel, committee, `/api/activation/claims?placeId=${w.places.A}`, ClaimsSort, {
      createdAt: [c2, c3, c1],
      roomLabel: [c1, c3, c2],
      claimedName: [c3, c1, c2],
      method: [c2, c1, c3],
      status: [c1, c2, c3],
    });
  });
});
