import { randomBytes } from 'node:crypto';
import { type Actor, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import type { App } from '../../kernel/module.ts';
import { buildWorld, PASSWORD } from '../../test/fixture.ts';
import { useTestEnv } from '../../test/harness.ts';
import { read, write } from './deliberation.db.ts';
import { insertItem, lockItem } from './deliberation.repository.ts';
import { moveItem } from './use-cases/move-item.ts';

/**
 * What the execution tests share: the fixture world (street S with 阳光花园 A, street S2 with 远方小区 Z) plus the
 * residents who rate (王丽 in A-1-101 and a family member of hers, 陈涛 the tenant of A-1-102, 孙宁 the tenant of
 * A-2-201, 赵泽 in Z), items brought to 'executing' the way a meeting's decision does, and settings per place.
 */
export async function buildExecutionWorld(kernel: Kernel) {
  const w = await buildWorld(kernel);
  const sun = await w.person(w.places.A, '孙宁二');
  await w.household(w.rooms.A103, sun, 'owner');
  const family = await w.person(w.places.A, '王小丽');
  await w.household(w.rooms.A101, family, 'family');
  const passwordHash = await hashPassword(PASSWORD);
  const more = await write(w.ctx, async (tx) => {
    const account = (phone: string, displayName: string, personId: string) => createAccount(tx, kernel.pii, { phone, displayName, personId, password: PASSWORD, passwordHash });
    return {
      tom: await account('13800000002', '陈涛', w.persons.tom),
      zed: await account('13800000004', '赵泽', w.persons.zed),
      sun: await account('13800000005', '孙宁二', sun),
      family: await account('13800000006', '王小丽', family),
    };
  });
  return { ...w, accounts: { ...w.accounts, ...more } };
}
export type ExecutionWorld = Awaited<ReturnType<typeof buildExecutionWorld>>;

export const useExecutionWorld = () => useTestEnv((env) => buildExecutionWorld(env.kernel));

/** A use-case context for an account, with its grants as a signed-in request has them (for tests that move the clock past sessions). */
export async function ctxFor(kernel: Kernel, accountId: string): Promise<Ctx> {
  const a = await read(kernel).selectFrom('accounts').select(['display_name', 'person_id']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const actor: Actor = { accountId, name: a.display_name, personId: a.person_id, grants: await loadGrants(read(kernel), accountId), requestId: null, locale: 'zh-CN' };
  return { kernel, actor };
}

/** An item at a place, decided at a meeting and so in 'executing' (stage 4), as the items and meetings parts bring it there. */
export async function executingItem(kernel: Kernel, placeId: string, title = '维修小区路灯', opts: { isPublic?: boolean } = {}): Promise<string> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  return write(ctx, async (tx) => {
    const place = await tx.selectFrom('street_places').select(['street_id']).where('id', '=', placeId).executeTakeFirstOrThrow();
    const id = newId();
    const now = kernel.clock.now();
    await insertItem(tx, {
      streetId: place.street_id,
      id,
      placeId,
      title,
      description: '',
      sourceKind: 'official',
      source: { refId: null, label: '测试' },
      stage: 'consulting',
      listedAt: now,
      isPublic: opts.isPublic ?? true,
      createdBy: null,
      at: now,
      year: now.getUTCFullYear(),
    });
    await moveItem(tx, ctx, (await lockItem(tx, id))!, { to: 'executing', kind: 'decided', note: `${title}：由物业更换`, patch: { decision_text: `${title}：由物业更换` } });
    return id;
  });
}

/** The procedure's thresholds at a place (dlb_settings), for tests about them. */
export async function setSettings(
  kernel: Kernel,
  placeId: string,
  s: { ratingDays: number; minRatings: number; reopenBelowCenti: number; poorSharePercent: number; poorScoreMax: number; maxReopens: number },
) {
  await write({ kernel, actor: SYSTEM_ACTOR }, async (tx) => {
    const place = await tx.selectFrom('street_places').select(['street_id']).where('id', '=', placeId).executeTakeFirstOrThrow();
    const row = {
      support_threshold: 10,
      rating_days: s.ratingDays,
      min_ratings: s.minRatings,
      reopen_below_centi: s.reopenBelowCenti,
      poor_share_percent: s.poorSharePercent,
      poor_score_max: s.poorScoreMax,
      max_reopens: s.maxReopens,
      updated_by: null,
    };
    await tx
      .insertInto('dlb_settings')
      .values({ street_id: place.street_id, place_id: placeId, ...row })
      .onConflict((oc) => oc.columns(['street_id', 'place_id']).doUpdateSet(row))
      .execute();
  });
}

export const taskBody = (title: string, deadline: string, extra: object = {}) => ({ title, organisationName: '安和物业', responsibleName: '张工', deadline, budgetFen: 120000, ...extra });

/** A day relative to a China day (YYYY-MM-DD ± n days). */
export const dayPlus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface FilePart {
  filename: string;
  type: string;
  content: Buffer;
}
/** A small valid JPEG header followed by filler: sniffed as image/jpeg. */
export const jpeg = (seed = 0): FilePart => {
  const content = Buffer.alloc(2048, seed);
  content.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return { filename: `photo${seed}.jpg`, type: 'image/jpeg', content };
};

/** A multipart/form-data body: text fields, then files under `photos`. */
export function multipart(fields: Record<string, string>, files: FilePart[]) {
  const boundary = `----gz${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    chunks.push(f.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a multipart body as a signed-in session would (cookie + CSRF token from a fresh login). */
export async function uploadAs(app: App, login: string, url: string, fields: Record<string, string>, files: FilePart[]) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
  const m = multipart(fields, files);
  const r = await app.inject({ method: 'POST', url, headers: { cookie: `gz_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken, ...m.headers }, payload: m.payload });
  return { status: r.statusCode, body: r.json() };
}
