import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRows, rawSender, expectRefused as refused } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { addResidents } from './opinions.test-support.ts';

/** Bad input gets a 4xx with a stable code and writes nothing: counts before = after. */
const TABLES = ['op_opinions', 'op_me_too', 'audit_log'];
const UNKNOWN = '01900000-0000-7000-8000-000000000000';

const { env, w, setUp, signedIn, afterSetUp } = useWorld();
const r = setUp('the residents', () => addResidents(env, w));
const official = signedIn('street_official');
let existing: string;
afterSetUp(async () => {
  existing = (await r.alice.request('POST', '/api/opinions', { visibility: 'public', addressee: 'property_company', title: '标题', body: '内容' })).body.id;
});

const expectRefused = (send: () => Promise<{ status: number; body: any }>, status: number, code: string) => refused(env.kernel, TABLES, send, status, code);

const body = (over: Record<string, unknown> = {}) => ({ visibility: 'public', addressee: 'property_company', title: '标题', body: '内容', ...over });

describe('opinions: bad input', () => {
  test('wrong types → 400 VALIDATION_FAILED naming the fields', async () => {
    const err = await expectRefused(() => r.alice.request('POST', '/api/opinions', body({ title: 42, visibility: 'secret' })), 400, 'VALIDATION_FAILED');
    const paths = err.details.issues.map((i: { path: string }) => i.path).join(' ');
    assert.match(paths, /title/);
    assert.match(paths, /visibility/);
    await expectRefused(() => r.alice.request('POST', '/api/opinions', body({ addressee: 'mayor' })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => r.alice.request('POST', '/api/opinions', body({ roomId: 'room-1' })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => r.alice.request('POST', `/api/opinions/${existing}/rating`, { rating: 'five' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('GET', '/api/opinions?status=lost'), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('GET', '/api/opinions?pageSize=1000'), 400, 'VALIDATION_FAILED');
  });

  test('empty, blank or overlong text → 400', async () => {
    await expectRefused(() => r.alice.request('POST', '/api/opinions', body({ title: '   ' })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => r.alice.request('POST', '/api/opinions', body({ body: 'x'.repeat(2001) })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('POST', `/api/opinions/${existing}/hide`, { reason: '' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('POST', `/api/opinions/${existing}/hide`, {}), 400, 'VALIDATION_FAILED');
  });

  test('a rating outside 1–5 → 400', async () => {
    for (const rating of [0, 6, 3.5, -1]) {
      await expectRefused(() => r.alice.request('POST', `/api/opinions/${existing}/rating`, { rating }), 400, 'VALIDATION_FAILED');
    }
  });

  test('malformed and unknown ids → 400 / 404', async () => {
    await expectRefused(() => official.request('GET', '/api/opinions/not-a-uuid'), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('GET', `/api/opinions/${UNKNOWN}`), 404, 'OPINION_NOT_FOUND');
    await expectRefused(() => official.request('POST', `/api/opinions/${UNKNOWN}/answer`, { answer: 'x' }), 404, 'OPINION_NOT_FOUND');
    await expectRefused(() => r.tom.request('POST', `/api/opinions/${UNKNOWN}/me-too`), 404, 'OPINION_NOT_FOUND');
  });

  test('an unknown place or a room that does not exist → 404 / 400', async () => {
    await expectRefused(() => official.request('GET', `/api/opinions?placeId=${UNKNOWN}`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => official.request('GET', `/api/opinions?placeId=${w.places.Z}`), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => r.alice.request('POST', '/api/opinions', body({ roomId: UNKNOWN })), 400, 'ROOM_NOT_MINE');
  });

  test('malformed JSON → 400 MALFORMED_JSON', async () => {
    const raw = await rawSender(env.app, '13800000001', PASSWORD);
    await expectRefused(() => raw('POST', '/api/opinions', 'application/json', '{"title": '), 400, 'MALFORMED_JSON');
  });
});
