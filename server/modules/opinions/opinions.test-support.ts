import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write } from './opinions.db.ts';
import { signIn, type Session, type TestEnv } from '../../test/harness.ts';
import { PASSWORD, type World } from '../../test/fixture.ts';
import { createOrganisation } from '../registry/index.ts';

/**
 * More residents for opinion tests: 陈涛 (tenant of A-102, a neighbour of 王丽), 李波 (owner in
 * compound B, same street) and 赵泽 (owner in Z, another street), each with a login; and a
 * residents' committee for community C2 so that B's residents have someone to write to.
 */
export async function addResidents(env: TestEnv, w: World) {
  const passwordHash = await hashPassword(PASSWORD);
  const phones = { tom: '13800000002', bob: '13800000003', zed: '13800000004' } as const;
  await write(w.ctx, async (tx) => {
    for (const [who, phone] of Object.entries(phones) as [keyof typeof phones, string][]) {
      await createAccount(tx, env.kernel.pii, { phone, displayName: { tom: '陈涛', bob: '李波', zed: '赵泽' }[who], password: PASSWORD, passwordHash, personId: w.persons[who] });
    }
  });
  await createOrganisation(w.ctx, { placeId: w.places.C2, kind: 'residents_committee', name: '二社区居委会' });
  const session = (phone: string) => signIn(env.app, phone, PASSWORD);
  return {
    alice: await session('13800000001'),
    tom: await session(phones.tom),
    bob: await session(phones.bob),
    zed: await session(phones.zed),
  } satisfies Record<string, Session>;
}
