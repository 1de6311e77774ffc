import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRows, rawSender, expectRefused as refused } from '../../test/harness.ts';
import { MAX_PHOTO_BYTES } from './repairs.constants.ts';
import { jpeg, png, signInClient, useRepairsWorld } from './test-support.ts';

/**
 * Bad input gets a 4xx with a stable code and writes nothing: row counts and the file store's
 * size are the same before and after. No stack traces, never a 500.
 */
const TABLES = ['rep_orders', 'rep_photos', 'rep_events', 'rep_escalations', 'rep_settings', 'rep_time_limits', 'audit_log'];

const { env, w, client } = useRepairsWorld();
const alice = client('13800000001');
const tom = client('13800000002');
const staff = client('property_staff');
const official = client('street_official');

const expectRefused = (send: () => Promise<{ status: number; body: any }>, status: number, code: string) => refused(env.kernel, TABLES, send, status, code);

const report = (over: Record<string, string> = {}) => ({ category: 'water', description: '厨房漏水', placeId: w.rooms.A101, ...over });

async function orderAt(status: 'submitted' | 'dispatched' | 'in_progress' | 'finished'): Promise<string> {
  const o = await alice.request('POST', '/api/repairs/orders', report());
  assert.equal(o.status, 201);
  if (status === 'submitted') return o.body.id;
  await staff.request('POST', `/api/repairs/orders/${o.body.id}/dispatch`, { assigneeId: w.accounts.property_staff });
  if (status === 'dispatched') return o.body.id;
  await staff.request('POST', `/api/repairs/orders/${o.body.id}/start`, {});
  if (status === 'in_progress') return o.body.id;
  await staff.request('POST', `/api/repairs/orders/${o.body.id}/finish`, { note: '好了' });
  return o.body.id;
}

describe('photos', () => {
  test('a photo over 5 MB → 413 PHOTO_TOO_LARGE, nothing stored (not even the good photo beside it)', async () => {
    const big = jpeg(MAX_PHOTO_BYTES + 1, 9);
    const err = await expectRefused(() => alice.upload('/api/repairs/orders', report(), [jpeg(2048, 1), { ...big, filename: '大图.jpg' }]), 413, 'PHOTO_TOO_LARGE');
    assert.match(err.message, /大图\.jpg/);
  });

  test('a photo of exactly 5 MB is fine', async () => {
    const res = await alice.upload('/api/repairs/orders', report(), [jpeg(MAX_PHOTO_BYTES, 2)]);
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  test('a .jpg that is really text → 415 PHOTO_TYPE_NOT_ALLOWED, nothing stored', async () => {
    const fake = { filename: 'photo.jpg', type: 'image/jpeg', content: Buffer.from('this is not a picture, just text pretending to be one') };
    const err = await expectRefused(() => alice.upload('/api/repairs/orders', report(), [png(3), fake]), 415, 'PHOTO_TYPE_NOT_ALLOWED');
    assert.match(err.message, /photo\.jpg/);
    // An SVG or a GIF is not one of ours either, whatever it claims.
    const svg = { filename: 'x.png', type: 'image/png', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') };
    await expectRefused(() => alice.upload('/api/repairs/orders', report(), [svg]), 415, 'PHOTO_TYPE_NOT_ALLOWED');
    const gif = { filename: 'x.gif', type: 'image/gif', content: Buffer.from('GIF89a............') };
    await expectRefused(() => alice.upload('/api/repairs/orders', report(), [gif]), 415, 'PHOTO_TYPE_NOT_ALLOWED');
  });

  test('seven photos → 400 TOO_MANY_PHOTOS, nothing stored', async () => {
    const seven = [1, 2, 3, 4, 5, 6, 7].map((i) => jpeg(1024, 40 + i));
    await expectRefused(() => alice.upload('/api/repairs/orders', report(), seven), 400, 'TOO_MANY_PHOTOS');
  });

  test('a mislabeled photo when finishing → 415; the order stays in progress, nothing stored', async () => {
    const id = await orderAt('in_progress');
    const fake = { filename: 'done.webp', type: 'image/webp', content: Buffer.from('RIFF....NOPE not a webp') };
    await expectRefused(() => staff.upload(`/api/repairs/orders/${id}/finish`, { note: '已修好' }, [fake]), 415, 'PHOTO_TYPE_NOT_ALLOWED');
    assert.equal((await staff.request('GET', `/api/repairs/orders/${id}`)).body.status, 'in_progress');
  });

  test('a good photo refused for another reason is not kept either', async () => {
    // The form is fine and the photo is real, but the place is not the resident's.
    await expectRefused(() => alice.upload('/api/repairs/orders', report({ placeId: w.rooms.A102 }), [jpeg(2048, 77)]), 404, 'PLACE_NOT_FOUND');
    // Finishing an order that is not in progress yet, with a real photo.
    const id = await orderAt('dispatched');
    await expectRefused(() => staff.upload(`/api/repairs/orders/${id}/finish`, { note: '好了' }, [jpeg(2048, 78)]), 409, 'TRANSITION_NOT_ALLOWED');
  });

  test('an unknown photo id → 404; a malformed one → 400', async () => {
    await expectRefused(() => alice.request('GET', '/api/repairs/photos/01900000-0000-7000-8000-000000000000'), 404, 'PHOTO_NOT_FOUND');
    await expectRefused(() => alice.request('GET', '/api/repairs/photos/../../etc/passwd'), 404, 'ROUTE_NOT_FOUND');
    await expectRefused(() => alice.request('GET', '/api/repairs/photos/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });
});

describe('reports', () => {
  test('wrong or missing fields → 400 VALIDATION_FAILED naming them, in JSON and in a form', async () => {
    const err = await expectRefused(() => alice.request('POST', '/api/repairs/orders', { category: 'roof', description: '', placeId: 'x' }), 400, 'VALIDATION_FAILED');
    const paths = err.details.issues.map((i: { path: string }) => i.path).join(' ');
    assert.match(paths, /category/);
    assert.match(paths, /description/);
    assert.match(paths, /placeId/);
    const form = await expectRefused(() => alice.upload('/api/repairs/orders', { description: '无类别', placeId: w.rooms.A101 }, [jpeg(1000, 5)]), 400, 'VALIDATION_FAILED');
    assert.match(JSON.stringify(form.details), /category/);
    await expectRefused(() => alice.request('POST', '/api/repairs/orders', report({ preferredDate: '2026-13-40' })), 400, 'VALIDATION_FAILED');
    await expectRefused(() => alice.request('POST', '/api/repairs/orders', report({ description: '长'.repeat(1001) })), 400, 'VALIDATION_FAILED');
  });

  test('malformed JSON → 400 MALFORMED_JSON', async () => {
    const raw = await rawSender(env.app, '13800000001', 'Test@12345');
    await expectRefused(() => raw('POST', '/api/repairs/orders', 'application/json', '{"category": "water",'), 400, 'MALFORMED_JSON');
  });

  test('a broken multipart body → 400, never 500', async () => {
    const raw = await rawSender(env.app, '13800000001', 'Test@12345');
    const body = '--xyz\r\nContent-Disposition: form-data; name="category"\r\n\r\nwater\r\n--xyz\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n\xff\xd8';
    await expectRefused(() => raw('POST', '/api/repairs/orders', 'multipart/form-data; boundary=xyz', body), 400, 'MALFORMED_MULTIPART');
  });

  test('a contact phone that is no phone → 400 PHONE_INVALID', async () => {
    await expectRefused(() => alice.request('POST', '/api/repairs/orders', report({ contactPhone: '12345' })), 400, 'PHONE_INVALID');
  });

  test('a compound without a property company → 409 NO_PROPERTY_COMPANY', async () => {
    const bob = await signInClient(env.app, '13800000003');
    await expectRefused(() => bob.request('POST', '/api/repairs/orders', report({ placeId: w.rooms.B101 })), 409, 'NO_PROPERTY_COMPANY');
  });

  test('a place that is no room or common part → 400; an unknown place → 404', async () => {
    await expectRefused(() => staff.request('POST', '/api/repairs/orders', report({ placeId: w.places.G1, channel: 'phone' })), 404, 'PLACE_NOT_FOUND');
    await expectRefused(() => official.request('POST', '/api/repairs/orders', report({ placeId: w.places.C1, channel: 'phone' })), 403, 'FORBIDDEN');
    await expectRefused(() => alice.request('POST', '/api/repairs/orders', report({ placeId: '01900000-0000-7000-8000-000000000000' })), 404, 'PLACE_NOT_FOUND');
  });
});

describe('ratings and handling', () => {
  test('a rating by someone else is refused: a neighbour (404), the staff (403 NOT_YOUR_ORDER)', async () => {
    const id = await orderAt('finished');
    await expectRefused(() => tom.request('POST', `/api/repairs/orders/${id}/rate`, { rating: 1 }), 404, 'ORDER_NOT_FOUND');
    await expectRefused(() => staff.request('POST', `/api/repairs/orders/${id}/rate`, { rating: 5 }), 403, 'NOT_YOUR_ORDER');
    assert.equal((await alice.request('GET', `/api/repairs/orders/${id}`)).body.status, 'finished');
  });

  test('a rating outside 1–5 or not whole → 400', async () => {
    const id = await orderAt('finished');
    for (const rating of [0, 6, 3.5, '5', null]) {
      await expectRefused(() => alice.request('POST', `/api/repairs/orders/${id}/rate`, { rating }), 400, 'VALIDATION_FAILED');
    }
    await expectRefused(() => alice.request('POST', `/api/repairs/orders/${id}/rate`, { rating: 4, comment: '好'.repeat(501) }), 400, 'VALIDATION_FAILED');
  });

  test('a price that is no price → 400', async () => {
    const o = await alice.request('POST', '/api/repairs/orders', report());
    await staff.request('POST', `/api/repairs/orders/${o.body.id}/accept`, {});
    for (const body of [{ paid: true }, { paid: true, priceFen: 0 }, { paid: true, priceFen: -100 }, { paid: true, priceFen: 12.5 }, { paid: 'yes', priceFen: 100 }]) {
      await expectRefused(() => staff.request('POST', `/api/repairs/orders/${o.body.id}/price`, body), 400, 'VALIDATION_FAILED');
    }
  });

  test('dispatching to someone who is not the compound’s property staff → 400 ASSIGNEE_INVALID', async () => {
    const id = await orderAt('submitted');
    await expectRefused(() => staff.request('POST', `/api/repairs/orders/${id}/dispatch`, { assigneeId: w.accounts.building_leader }), 400, 'ASSIGNEE_INVALID');
    await expectRefused(() => staff.request('POST', `/api/repairs/orders/${id}/dispatch`, { assigneeId: w.accounts.zstaff }), 400, 'ASSIGNEE_INVALID');
    await expectRefused(() => staff.request('POST', `/api/repairs/orders/${id}/dispatch`, { assigneeId: 'nobody' }), 400, 'VALIDATION_FAILED');
  });

  test('finishing and returning need a note; an unknown order → 404', async () => {
    const id = await orderAt('in_progress');
    await expectRefused(() => staff.request('POST', `/api/repairs/orders/${id}/finish`, { note: '   ' }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => staff.request('POST', `/api/repairs/orders/${id}/return`, {}), 400, 'VALIDATION_FAILED');
    await expectRefused(() => staff.request('POST', '/api/repairs/orders/01900000-0000-7000-8000-000000000000/accept', {}), 404, 'ORDER_NOT_FOUND');
  });

  test('time limits: completion shorter than response, out of bounds, or a category twice → 400', async () => {
    const put = (body: unknown) => official.request('PUT', `/api/repairs/settings/${w.places.A}`, body);
    await expectRefused(() => put({ autoCloseDays: 7, limits: [{ category: 'water', responseMinutes: 600, completionMinutes: 60 }] }), 400, 'LIMITS_INVALID');
    await expectRefused(() => put({ autoCloseDays: 0, limits: [] }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => put({ autoCloseDays: 7, limits: [{ category: 'water', responseMinutes: 1, completionMinutes: 60 }] }), 400, 'VALIDATION_FAILED');
    const twice = { category: 'water', responseMinutes: 60, completionMinutes: 600 };
    await expectRefused(() => put({ autoCloseDays: 7, limits: [twice, twice] }), 400, 'VALIDATION_FAILED');
    await expectRefused(() => official.request('PUT', `/api/repairs/settings/${w.places.A1.building}`, { autoCloseDays: 7, limits: [] }), 404, 'COMPOUND_NOT_FOUND');
  });

  test('list filters that are no filters → 400', async () => {
    await expectRefused(() => staff.request('GET', '/api/repairs/orders?status=lost'), 400, 'VALIDATION_FAILED');
    await expectRefused(() => staff.request('GET', '/api/repairs/orders?overdue=maybe'), 400, 'VALIDATION_FAILED');
    await expectRefused(() => staff.request('GET', '/api/repairs/orders?pageSize=100000'), 400, 'VALIDATION_FAILED');
    await expectRefused(() => staff.request('GET', '/api/repairs/figures?from=yesterday'), 400, 'VALIDATION_FAILED');
  });
});
