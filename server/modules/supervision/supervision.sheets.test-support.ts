import { randomBytes } from 'node:crypto';
import { type Actor, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import { type Ctx, type Kernel, write } from '../../kernel/context.ts';
import type { App } from '../../kernel/module.ts';
import { read } from './supervision.db.ts';
import { PASSWORD } from '../../test/fixture.ts';
import type { SaveSheetBody } from './supervision.sheets.schemas.ts';

/** A session that sends JSON, and multipart uploads under the field name `file` (the evidence route's). */
export interface Client {
  login: string;
  accountId: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  upload(url: string, fields: Record<string, string>, file: { filename: string; type: string; content: Buffer }): Promise<{ status: number; body: any }>;
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export async function signInClient(app: App, login: string, password = PASSWORD): Promise<Client> {
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
      return { status: r.statusCode, body: r.body ? safeJson(r.body) : null, headers: r.headers };
    },
    async upload(url, fields, file) {
      const boundary = `----gz${randomBytes(8).toString('hex')}`;
      const chunks: Buffer[] = [];
      for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
      chunks.push(Buffer.from(`--${boundary}--\r\n`));
      const r = await app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(chunks) });
      return { status: r.statusCode, body: r.body ? safeJson(r.body) : null };
    },
  };
}

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7), Buffer.from([0xff, 0xd9])]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * The test sheet, by hand: 物业管理 (60 %) — T1 points 10.00 (photo), T2 deduction 5.00 at 2.00 a finding; 环境 (40 %) —
 * T3 yes/no 3.00 (document), T4 points 7.00.
 */
export const TEST_SHEET: SaveSheetBody = {
  name: '物业服务考评（测试）',
  sections: [
    {
      name: '物业管理',
      weight: 60,
      indicators: [
        { code: 'T1', name: '公示栏', guidance: '', method: 'points', maxCenti: 1000, deductionCenti: null, evidence: 'photo' },
        { code: 'T2', name: '楼道堆物', guidance: '每处扣 2 分', method: 'deduction', maxCenti: 500, deductionCenti: 200, evidence: 'none' },
      ],
    },
    {
      name: '环境',
      weight: 40,
      indicators: [
        { code: 'T3', name: '消杀记录', guidance: '', method: 'yes_no', maxCenti: 300, deductionCenti: null, evidence: 'document' },
        { code: 'T4', name: '绿化', guidance: '', method: 'points', maxCenti: 700, deductionCenti: null, evidence: 'none' },
      ],
    },
  ],
};

/** A street official of the other street S2 (the fixture has none): the owner of the outside sheet and inspections. */
export async function otherStreetOfficial(kernel: Kernel, streetId: string): Promise<Ctx> {
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const accountId = await write(system, async (tx) => {
    const id = await createAccount(tx, kernel.pii, { username: 'zofficial', displayName: '邻街干部', password: PASSWORD, passwordHash: await hashPassword(PASSWORD) });
    await grantRole(tx, id, 'street_official', streetId);
    return id;
  });
  return ctxFor(kernel, accountId);
}

export async function ctxFor(kernel: Kernel, accountId: string): Promise<Ctx> {
  const a = await read(kernel).selectFrom('accounts').select(['display_name', 'person_id']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const actor: Actor = { accountId, name: a.display_name, personId: a.person_id, grants: await loadGrants(read(kernel), accountId), requestId: null, locale: 'zh-CN' };
  return { kernel, actor };
}
