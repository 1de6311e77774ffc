import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PASSWORD, useWorld } from './fixture.ts';
import { countRows } from './harness.ts';

/**
 * Input the platform must refuse with a 4xx, whatever route it reaches: text PostgreSQL cannot store
 * (NUL), multipart bodies that are truncated, malformed or carry one file too many, and LIKE
 * wildcards typed into a search box. And the one header every API answer carries.
 */
const { env, w, signedIn, setUp } = useWorld();
const official = signedIn('street_official');

async function rawSession(login: string) {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  assert.equal(res.statusCode, 200);
  return { cookie: `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`, csrf: res.json().csrfToken as string };
}
const officialRaw = setUp('a raw session of street_official', () => rawSession('street_official'));
const resident = setUp('a raw session of 13800000001', () => rawSession('13800000001'));

const WRITTEN = ['ntc_notices', 'ntc_attachments', 'rep_orders', 'rep_photos', 'reg_imports', 'reg_persons', 'audit_log'];

describe('text with NUL (PostgreSQL cannot store it) → 400 before any SQL runs', () => {
  test('in the sign-in body, without a session', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'street_\u0000official', password: 'x' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'TEXT_NOT_STORABLE');
    assert.equal(res.json().error.details.path, 'body.login');
  });

  test('in a JSON body (a string, a nested string, a key) and nothing is written', async () => {
    const before = await countRows(env.kernel, WRITTEN);
    const base = { placeId: w.places.A, category: 'announcement', title: '停水通知' };
    for (const body of [
      { ...base, title: '停水\u0000通知' },
      { ...base, issuer: '\u0000' },
      { ...base, ['ti\u0000tle']: 'x' },
    ]) {
      const res = await official.request('POST', '/api/notices', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'TEXT_NOT_STORABLE');
    }
    assert.deepEqual(await countRows(env.kernel, WRITTEN), before);
  });

  test('in a query and in a path parameter', async () => {
    for (const url of ['/api/persons?q=%00', '/api/audit?actor=a%00b', '/api/repairs/orders?q=%00', '/api/notices?q=%00', '/api/notices/%00']) {
      const res = await official.request('GET', url);
      assert.equal(res.status, 400, url);
      assert.equal(res.body.error.code, 'TEXT_NOT_STORABLE', url);
    }
  });
});

describe("the router's own refusals answer in the API's error shape", () => {
  test('a path it cannot decode, a parameter too long', async () => {
    for (const [url, status, code] of [
      ['/api/places/%E4%B8', 400, 'MALFORMED_URL'],
      ['/api/places/%', 400, 'MALFORMED_URL'],
      [`/api/places/${'x'.repeat(2000)}`, 414, 'URL_TOO_LONG'],
    ] as const) {
      const res = await official.request('GET', url);
      assert.equal(res.status, status, url.slice(0, 40));
      assert.equal(res.body.error.code, code);
      assert.equal(typeof res.body.error.message, 'string');
    }
  });
});

describe('LIKE wildcards in search text match themselves', () => {
  test('q=% and q=_ match nothing special; the same search without them still finds people', async () => {
    const all = await official.request('GET', '/api/persons?pageSize=100');
    assert.ok(all.body.total > 3);
    for (const q of ['%', '_', '%25', '\\']) {
      const persons = await official.request('GET', `/api/persons?q=${encodeURIComponent(q)}`);
      assert.equal(persons.status, 200);
      assert.equal(persons.body.total, 0, `persons q=${q}`);
    }
    const wang = await official.request('GET', `/api/persons?q=${encodeURIComponent('王')}`);
    assert.ok(wang.body.total >= 1, 'a real search still finds 王丽');
    const audit = await official.request('GET', `/api/audit?actor=${encodeURIComponent('%')}`);
    assert.equal(audit.status, 200);
    assert.equal(audit.body.total, 0, 'no actor is named "%"');
    const orgs = await official.request('GET', `/api/organisations?q=${encodeURIComponent('_')}`);
    assert.equal(orgs.status, 200);
    assert.equal(orgs.body.total, 0);
  });
});

describe('every API answer says no-store', () => {
  test('signed in or not, success or error', async () => {
    for (const [url, headers] of [
      ['/api/health', {}],
      ['/api/auth/me', {}],
      ['/api/auth/me', { cookie: officialRaw.cookie }],
      ['/api/persons', { cookie: officialRaw.cookie }],
      ['/api/no-such-route', {}],
    ] as const) {
      const res = await env.app.inject({ method: 'GET', url, headers });
      assert.equal(res.headers['cache-control'], 'no-store', `${url} ${res.statusCode}`);
    }
    const person = (await official.request('GET', '/api/persons?pageSize=1')).body.items[0];
    const pii = await env.app.inject({ method: 'GET', url: `/api/persons/${person.id}/pii`, headers: { cookie: officialRaw.cookie } });
    assert.equal(pii.statusCode, 200);
    assert.equal(pii.headers['cache-control'], 'no-store');
  });
});

// ——— Multipart: the same refusals on every upload route ———

const BOUNDARY = '----gz-test-boundary';
type Part = { name: string; value: string } | { name: string; filename: string; type: string; content: Buffer };
function multipart(parts: Part[], boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('filename' in p) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`));
      chunks.push(p.content, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1), Buffer.from([0xff, 0xd9])]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const CSV = Buffer.from('小区,楼栋,单元,房号,姓名,关系\n阳光花园,1栋,1单元,101,王丽,业主\n');

interface UploadRoute {
  name: string;
  url: () => Promise<string>;
  who: () => { cookie: string; csrf: string };
  fields: () => Part[];
  file: (name: string) => Part;
  /** How many files the route takes. */
  max: number;
}

let noticeId: string;
const ROUTES: UploadRoute[] = [
  {
    name: 'report a repair',
    url: async () => '/api/repairs/orders',
    who: () => resident,
    fields: () => [
      { name: 'category', value: 'water' },
      { name: 'description', value: '水管漏水' },
      { name: 'placeId', value: w.rooms.A101 },
      { name: 'channel', value: 'app' },
    ],
    file: (name) => ({ name: 'photos', filename: name, type: 'image/jpeg', content: JPEG }),
    max: 6,
  },
  {
    name: 'finish a repair',
    url: async () => `/api/repairs/orders/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}/finish`,
    who: () => officialRaw,
    fields: () => [{ name: 'note', value: '已修好' }],
    file: (name) => ({ name: 'photos', filename: name, type: 'image/jpeg', content: JPEG }),
    max: 6,
  },
  {
    name: 'upload a household import',
    url: async () => '/api/registry/imports',
    who: () => officialRaw,
    fields: () => [{ name: 'placeId', value: w.places.A }],
    file: (name) => ({ name: 'file', filename: name, type: 'text/csv', content: CSV }),
    max: 1,
  },
  {
    name: 'attach a file to a notice',
    url: async () => {
      if (!noticeId) {
        const draft = await official.request('POST', '/api/notices', { placeId: w.places.A, category: 'announcement', title: '附件测试' });
        assert.equal(draft.status, 201, JSON.stringify(draft.body));
        noticeId = draft.body.id;
      }
      return `/api/notices/${noticeId}/attachments`;
    },
    who: () => officialRaw,
    fields: () => [],
    file: (name) => ({ name: 'file', filename: name, type: 'application/pdf', content: PDF }),
    max: 1,
  },
];

const send = async (route: UploadRoute, payload: Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`) => {
  const who = route.who();
  const res = await env.app.inject({
    method: 'POST',
    url: await route.url(),
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': contentType },
    payload,
  });
  return { status: res.statusCode, code: (res.json() as { error?: { code: string } }).error?.code };
};

describe('multipart uploads: one reader, the same refusals on every upload route', () => {
  for (const route of ROUTES) {
    test(`${route.name}: truncated, malformed, one file too many, NUL in a field → 400, nothing written`, async () => {
      await route.url(); // the notice's draft, before counting
      const before = await countRows(env.kernel, WRITTEN);
      const files = Array.from({ length: route.max + 1 }, (_, i) => route.file(`f${i}.bin`));
      const whole = multipart([...route.fields(), ...files]);

      const truncated = await send(route, whole.subarray(0, Math.floor(whole.length * 0.6)));
      assert.equal(truncated.status, 400, 'truncated body');
      assert.equal(truncated.code, 'MALFORMED_MULTIPART');

      const noBoundary = await send(route, whole, 'multipart/form-data');
      assert.equal(noBoundary.status, 400, 'no boundary');

      const garbage = await send(route, Buffer.from('this is not a multipart body at all'));
      assert.equal(garbage.status, 400, 'garbage body');

      const tooMany = await send(route, whole);
      assert.equal(tooMany.status, 400, `${route.max + 1} files where ${route.max} are taken`);
      assert.match(tooMany.code ?? '', /TOO_MANY/);

      const nul = await send(route, multipart([...route.fields(), { name: 'note', value: 'a\u0000b' }, route.file('ok.bin')]));
      assert.equal(nul.status, 400, 'NUL in a field');
      assert.equal(nul.code, 'TEXT_NOT_STORABLE');

      assert.deepEqual(await countRows(env.kernel, WRITTEN), before, 'nothing written');
    });
  }

  test('no route reads multipart by itself: every upload goes through the kernel reader', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('kernel/http/multipart.ts')) {
          if (/\breq\.(parts|file|files|saveRequestFiles)\(/.test(readFileSync(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    walk(new URL('../', import.meta.url).pathname);
    assert.deepEqual(offenders, []);
  });
});
