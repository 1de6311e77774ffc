import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';

const ASSETS = new URL('../../../dist/web/assets/', import.meta.url).pathname;

let env: TestEnv;
before(async () => {
  assert.ok(existsSync(ASSETS), 'the web shells are built (npm run build; .ci/run builds them before the tests)');
  env = await startTestEnv();
});
after(() => env?.close());

const get = (url: string, encoding?: string) => env.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

test('a hashed asset goes out brotli-compressed to a browser that accepts it, gzip to one that takes only gzip, cached for a year', async () => {
  const name = readdirSync(ASSETS).find((f) => /^resident-.*\.js$/.test(f))!;
  const original = readFileSync(`${ASSETS}${name}`);

  const br = await get(`/assets/${name}`, 'gzip, deflate, br');
  assert.equal(br.statusCode, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.match(String(br.headers['content-type']), /javascript/);
  assert.ok(br.rawPayload.length < original.length / 2, 'compressed on the wire');
  assert.deepEqual(brotliDecompressSync(br.rawPayload), original);

  const gz = await get(`/assets/${name}`, 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gz.rawPayload), original);

  const plain = await get(`/assets/${name}`);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(plain.rawPayload, original);
});

test('the HTML shells are checked on every visit (no-cache), deep links included', async () => {
  for (const url of ['/', '/h5/', '/h5/me', '/registry/places']) {
    const res = await get(url, 'gzip, br');
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['content-type']), /text\/html/, url);
    assert.equal(res.headers['cache-control'], 'no-cache', url);
  }
});
