import { randomBytes } from 'node:crypto';
import type { Actor } from '../kernel/access/index.ts';
import { loadGrants } from '../kernel/auth/sessions.ts';
import type { Ctx, Kernel } from '../kernel/context.ts';
import type { App } from '../kernel/module.ts';
import { PASSWORD } from './kernel-fixture.ts';

/** A file sent in a multipart upload. */
export interface FilePart {
  filename: string;
  type: string;
  content: Buffer;
}

/** A multipart/form-data body: text fields, then the files under one field name (each upload route names its own). */
export function multipart(fields: Record<string, string>, files: readonly FilePart[], field = 'photos') {
  const boundary = `----gz${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    chunks.push(f.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A signed-in session that sends JSON, and multipart uploads of one file or several. */
export interface Client {
  login: string;
  accountId: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: Buffer }>;
  upload(url: string, fields: Record<string, string>, files: FilePart | readonly FilePart[]): Promise<{ status: number; body: any }>;
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Signs in through the real login route; the client sends the cookie and CSRF token with every request. Uploads put
 * their files under `fileField` (repairs' photos: `photos`, the default).
 */
export async function signInClient(app: App, login: string, password = PASSWORD, { fileField = 'photos' }: { fileField?: string } = {}): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
  const { csrfToken, accountId } = res.json();
  const headers = { cookie: `gz_session=${cookie.value}`, 'x-csrf-token': csrfToken };
  return {
    login,
    accountId,
    async request(method, url, body) {
      const r = await app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
      return { status: r.statusCode, body: r.body ? safeJson(r.body) : null, headers: r.headers, raw: r.rawPayload };
    },
    async upload(url, fields, files) {
      const m = multipart(fields, Array.isArray(files) ? files : [files as FilePart], fileField);
      const r = await app.inject({ method: 'POST', url, headers: { ...headers, ...m.headers }, payload: m.payload });
      return { status: r.statusCode, body: r.body ? safeJson(r.body) : null };
    },
  };
}

/** A use-case context for an account, with its grants as a signed-in request would have them. */
export async function ctxFor(kernel: Kernel, accountId: string): Promise<Ctx> {
  const a = await kernel.db.selectFrom('accounts').select(['display_name', 'person_id']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const actor: Actor = { accountId, name: a.display_name, personId: a.person_id, grants: await loadGrants(kernel.db, accountId), requestId: null, locale: 'zh-CN' };
  return { kernel, actor };
}
