import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write } from './notices.db.ts';
import type { App } from '../../kernel/module.ts';
import { signIn, type TestEnv } from '../../test/harness.ts';
import { PASSWORD, type World } from '../../test/fixture.ts';

/** Logins for three more residents: 陈涛 (tenant of A-102), 李波 (owner in B), 赵泽 (owner in Z). */
export async function addResidents(env: TestEnv, w: World) {
  const passwordHash = await hashPassword(PASSWORD);
  const people = [
    ['tom', '13800000002', '陈涛'],
    ['bob', '13800000003', '李波'],
    ['zed', '13800000004', '赵泽'],
  ] as const;
  await write(w.ctx, async (tx) => {
    for (const [who, phone, name] of people) {
      await createAccount(tx, env.kernel.pii, { phone, displayName: name, password: PASSWORD, passwordHash, personId: w.persons[who] });
    }
  });
  return {
    alice: await signIn(env.app, '13800000001', PASSWORD),
    tom: await signIn(env.app, '13800000002', PASSWORD),
    bob: await signIn(env.app, '13800000003', PASSWORD),
    zed: await signIn(env.app, '13800000004', PASSWORD),
  };
}

/** Real files for uploads: a PNG (a QR code), a tiny JPEG, a small PDF. */
export const samples = {
  png: () => QRCode.toBuffer('https://example.cn/gongzhi', { type: 'png', width: 120 }),
  jpeg: Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  ),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
};

/** A multipart/form-data body with one file part, as a browser sends it. */
export function multipart(filename: string, contentType: string, content: Buffer, field = 'file') {
  const boundary = `----gz${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads through the real route with a signed-in account's cookie and CSRF token. */
export async function uploader(app: App, login: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  const cookie = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
  const csrf = res.json().csrfToken as string;
  return async (noticeId: string, filename: string, contentType: string, content: Buffer) => {
    const body = multipart(filename, contentType, content);
    const r = await app.inject({
      method: 'POST',
      url: `/api/notices/${noticeId}/attachments`,
      headers: { ...body.headers, cookie, 'x-csrf-token': csrf },
      payload: body.payload,
    });
    return { status: r.statusCode, body: r.json() };
  };
}

/** GETs a binary route (attachment, PDF) with a signed-in account's cookie. */
export async function fetcher(app: App, login: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  const cookie = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
  return (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
}
