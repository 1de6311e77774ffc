import { SYSTEM_ACTOR, type Actor } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import { buildWorld, PASSWORD } from '../../test/fixture.ts';
import { signIn, type Session, useTestEnv } from '../../test/harness.ts';
import { markForDeliberation } from '../opinions/index.ts';
import { read, write } from './deliberation.db.ts';

/**
 * The fixture world with the residents the items' tests need, each with a login:
 * 阳光花园 (A): 王丽 (owner of A-101, `resident`), her husband 周明 (family in A-101: the same household),
 * 陈涛 (tenant of A-102), 吴芳 (owner of A-103); 明月小区 (B, same street): 李波; 远方小区 (Z, another street): 赵泽.
 */
export async function buildItemsWorld(kernel: Kernel) {
  const w = await buildWorld(kernel);
  const wu = await w.person(w.places.A, '周明');
  await w.household(w.rooms.A101, wu, 'family');
  const fang = await w.person(w.places.A, '吴芳');
  await w.household(w.rooms.A103, fang, 'owner');
  const passwordHash = await hashPassword(PASSWORD);
  const phones = { zhou: '13800000005', tom: '13800000002', fang: '13800000006', bob: '13800000003', zed: '13800000004' } as const;
  const persons = { zhou: wu, tom: w.persons.tom, fang, bob: w.persons.bob, zed: w.persons.zed };
  const more = await write(w.ctx, async (tx) => {
    const out = {} as Record<keyof typeof phones, string>;
    for (const [who, phone] of Object.entries(phones) as [keyof typeof phones, string][]) {
      out[who] = await createAccount(tx, kernel.pii, { phone, displayName: who, password: PASSWORD, passwordHash, personId: persons[who] });
    }
    return out;
  });
  return { ...w, phones: { alice: '13800000001', ...phones }, accounts: { ...w.accounts, ...more } };
}
export type ItemsWorld = Awaited<ReturnType<typeof buildItemsWorld>>;

export const useItemsWorld = () => useTestEnv((env) => buildItemsWorld(env.kernel));

/** A use-case context for an account, with its grants as a signed-in request would have them. */
export async function ctxFor(kernel: Kernel, accountId: string): Promise<Ctx> {
  const a = await read(kernel).selectFrom('accounts').select(['display_name', 'person_id']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const actor: Actor = { accountId, name: a.display_name, personId: a.person_id, grants: await loadGrants(read(kernel), accountId), requestId: null, locale: 'zh-CN' };
  return { kernel, actor };
}

/** The residents of the world, signed in. */
export async function residents(app: Parameters<typeof signIn>[0], w: ItemsWorld) {
  const out = {} as Record<keyof ItemsWorld['phones'], Session>;
  for (const [who, phone] of Object.entries(w.phones) as [keyof ItemsWorld['phones'], string][]) out[who] = await signIn(app, phone);
  return out;
}

/** A public post by 王丽 to the residents' committee, marked for deliberation (as the system: the opinions module's own rules are its tests'). */
export async function promotedOpinion(kernel: Kernel, alice: Session, title = '小区停车位不足'): Promise<string> {
  const posted = await alice.request('POST', '/api/opinions', { visibility: 'public', addressee: 'residents_committee', title, body: '晚上车位不够，希望规划更多车位' });
  if (posted.status !== 201) throw new Error(`post failed: ${posted.status} ${JSON.stringify(posted.body)}`);
  await markForDeliberation({ kernel, actor: SYSTEM_ACTOR }, posted.body.id, { note: '转议事' });
  return posted.body.id;
}
