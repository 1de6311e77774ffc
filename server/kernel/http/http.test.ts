import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestEnv } from '../../test/harness.ts';

const { env } = useTestEnv();

test('/api/docs serves the OpenAPI of every API route', async () => {
  const res = await env.app.inject({ method: 'GET', url: '/api/docs/json' });
  assert.equal(res.statusCode, 200);
  const spec = res.json();
  const documented = new Set<string>();
  for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
  }
  assert.ok(env.app.apiRoutes.length > 25, 'routes were collected');
  const missing = env.app.apiRoutes.filter((r) => !documented.has(r));
  assert.deepEqual(missing, []);
  const ui = await env.app.inject({ method: 'GET', url: '/api/docs' });
  assert.ok([200, 302].includes(ui.statusCode));
});

test('security headers are set and no stack traces leak', async () => {
  const res = await env.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(res.statusCode, 200);
  assert.ok(res.headers['content-security-policy']);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  const bad = await env.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(Object.keys(bad.json().error).sort(), ['code', 'message']);
});

test('the login route answers 400 to wrong types and an unsupported content type', async () => {
  const wrong = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 5, password: [] } });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.code, 'VALIDATION_FAILED');
  const text = await env.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
  assert.equal(text.statusCode, 415);
});
