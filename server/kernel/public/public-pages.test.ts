import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signIn } from '../../test/harness.ts';
import { PASSWORD, useKernelWorld } from '../../test/kernel-fixture.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { write } from '../context.ts';
import { newId } from '../ids.ts';
import type { PublicPageAnswer } from './payload.ts';
import { PUBLIC_RATE_LIMIT, registerPublicPage } from './public-pages.ts';

const { env, w } = useKernelWorld();

/** How often each test page's loader ran: the cache is measured by it. */
const loads = { board: 0, place: 0 };
let gone = false;

// A single page and a page per place, declared as a module would declare them.
registerPublicPage({
  key: 'kerneltest.board',
  title: { 'zh-CN': '测试公示', en: 'Test board' },
  cacheSeconds: 30,
  load: async (_kernel, { locale }) => {
    loads.board++;
    if (gone) return null;
    return {
      title: locale === 'en' ? 'Test board' : '测试公示',
      updatedAt: '2026-03-01T02:00:00.000Z',
      sections: [
        { kind: 'text', heading: '说明', text: '第一段\n第二段' },
        { kind: 'facts', facts: [{ label: '本月', value: '12' }] },
        { kind: 'table', heading: '分类', columns: ['类别', '数量'], rows: [['水', 3], ['电', null]] },
        { kind: 'list', heading: '意见', items: [{ title: '楼道灯坏了', by: '王*', reply: '已修复', meta: '2026-03-01' }] },
      ],
    };
  },
});
registerPublicPage({
  key: 'kerneltest.place',
  title: { 'zh-CN': '小区', en: 'Compound' },
  param: 'id',
  load: async (kernel, { id }) => {
    loads.place++;
    const place = await kernel.db.selectFrom('places').select(['name']).where('id', '=', id!).executeTakeFirst();
    return place ? { title: place.name, place: place.name, updatedAt: new Date(0).toISOString(), sections: [] } : null;
  },
});

const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') => env.app.inject({ method: 'GET', url, headers, remoteAddress });

test('a public page answers without a session: its payload, its links, public caching and an ETag', async () => {
  const res = await get('/api/public/kerneltest.board');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['set-cookie'], undefined);
  assert.equal(res.headers['cache-control'], 'public, max-age=30');
  assert.ok(res.headers.etag);
  const body = res.json() as PublicPageAnswer;
  assert.equal(body.title, '测试公示');
  assert.equal(body.key, 'kerneltest.board');
  assert.deepEqual(body.links, { page: '/h5/p/kerneltest.board', pdf: '/api/public/kerneltest.board/print.pdf', qr: '/api/public/kerneltest.board/qr.png' });
  assert.deepEqual(
    body.sections.map((s) => s.kind),
    ['text', 'facts', 'table', 'list'],
  );
  // The same answer again, asked with its ETag: 304 and no body.
  const again = await get('/api/public/kerneltest.board', { 'if-none-match': String(res.headers.etag) });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  // In English when asked for it (query or header), as a separate cached copy.
  assert.equal((await get('/api/public/kerneltest.board?lang=en')).json().title, 'Test board');
  assert.equal((await get('/api/public/kerneltest.board', { 'x-gz-lang': 'en' })).json().title, 'Test board');
});

test('a signed-in caller gets the same page; other API answers stay no-store', async () => {
  const official = await signIn(env.app, 'street_official', PASSWORD);
  const res = await official.request('GET', `/api/public/kerneltest.place/${w.places.A}`);
  assert.equal(res.status, 200);
  assert.equal(res.body.title, '阳光花园');
  const health = await get('/api/health');
  assert.equal(health.headers['cache-control'], 'no-store');
});

test('unknown key, unknown id, an id on a single page or none on a per-record page: 404; an id that is not a uuid: 400', async () => {
  const notFound = await get('/api/public/nosuch.page');
  assert.equal(notFound.statusCode, 404);
  assert.equal(notFound.json().error.code, 'PUBLIC_PAGE_NOT_FOUND');
  assert.match(notFound.json().error.message, /未找到该公示页面/);
  assert.equal(notFound.headers['cache-control'], 'no-store', 'a refusal is never cached');
  assert.equal((await get(`/api/public/kerneltest.place/${newId()}`)).statusCode, 404);
  assert.equal((await get(`/api/public/kerneltest.board/${w.places.A}`)).statusCode, 404);
  assert.equal((await get('/api/public/kerneltest.place')).statusCode, 404);
  assert.equal((await get(`/api/public/nosuch.page/${w.places.A}/print.pdf`)).statusCode, 404);
  const bad = await get('/api/public/kerneltest.place/not-a-uuid');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
  assert.equal((await get('/api/public/kerneltest.place/not-a-uuid/qr.png')).statusCode, 400);
});

test('the payload is loaded once per cacheSeconds, and loaded again after a committed write', async () => {
  const url = `/api/public/kerneltest.place/${w.places.A1}`;
  const before = loads.place;
  assert.equal((await get(url)).statusCode, 200);
  assert.equal((await get(url)).statusCode, 200);
  assert.equal((await get(url)).statusCode, 200);
  assert.equal(loads.place - before, 1, 'three requests, one load');
  // A write committed anywhere may have changed what the page shows: the next request loads it again.
  await write({ kernel: env.kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    await tx.updateTable('street_places').set({ name: '1号楼' }).where('id', '=', w.places.A1).execute();
  });
  const fresh = await get(url);
  assert.equal(fresh.json().title, '1号楼');
  assert.equal(loads.place - before, 2);
});

test('a loader answering null is 404, and the null is not served past the next write', async () => {
  const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  gone = true;
  try {
    await write(system, async () => {});
    const res = await get('/api/public/kerneltest.board');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'PUBLIC_PAGE_NOT_FOUND');
  } finally {
    gone = false;
  }
  await write(system, async () => {});
  assert.equal((await get('/api/public/kerneltest.board')).statusCode, 200);
});

test('the PDF is an A4 PDF, the QR code a PNG, both cacheable', async () => {
  const pdf = await get('/api/public/kerneltest.board/print.pdf');
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.match(String(pdf.headers['content-disposition']), /^inline; filename=/);
  assert.equal(pdf.headers['cache-control'], 'public, max-age=30');
  const placePdf = await get(`/api/public/kerneltest.place/${w.places.A}/print.pdf?lang=en`);
  assert.equal(placePdf.statusCode, 200);
  assert.equal(placePdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const qr = await get(`/api/public/kerneltest.place/${w.places.A}/qr.png`);
  assert.equal(qr.statusCode, 200);
  assert.equal(qr.headers['content-type'], 'image/png');
  assert.deepEqual([...qr.rawPayload.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test(`one client address may ask ${PUBLIC_RATE_LIMIT.max} times a minute; then 429 with the usual error, others unaffected`, async () => {
  const url = '/api/public/kerneltest.board?lang=zh-CN';
  for (let i = 0; i < PUBLIC_RATE_LIMIT.max; i++) {
    const res = await get(url, {}, '10.9.9.9');
    assert.equal(res.statusCode, 200, `request ${i + 1}`);
  }
  const limited = await get(url, {}, '10.9.9.9');
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'RATE_LIMITED');
  assert.equal(limited.json().error.message, '操作过于频繁，请稍后再试');
  assert.equal(limited.headers['cache-control'], 'no-store');
  const english = await get(url, { 'x-gz-lang': 'en' }, '10.9.9.9');
  assert.equal(english.json().error.message, 'Too many requests; try again later');
  assert.equal((await get(url, {}, '10.9.9.10')).statusCode, 200, 'another address is not limited');
});
