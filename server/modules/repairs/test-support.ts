import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import type { Kernel } from '../../kernel/context.ts';
import { write } from './repairs.db.ts';
import type { FileStore } from '../../kernel/files/files.ts';
import { type FilePart, signInClient } from '../../test/client.ts';
export { ctxFor, type Client, type FilePart, multipart, signInClient } from '../../test/client.ts';
import { buildWorld, PASSWORD } from '../../test/fixture.ts';
import { useTestEnv } from '../../test/harness.ts';

/**
 * What the repairs tests share: the fixture world plus the accounts repairs needs (a second
 * resident, a second staff member, staff of the other street's compound), a client that can also
 * upload files, and image bytes.
 */
export async function buildRepairsWorld(kernel: Kernel) {
  const w = await buildWorld(kernel);
  const passwordHash = await hashPassword(PASSWORD);
  const more = await write(w.ctx, async (tx) => {
    const account = (input: { username?: string; phone?: string; displayName: string; personId?: string }) =>
      createAccount(tx, kernel.pii, { ...input, password: PASSWORD, passwordHash });
    const staff2 = await account({ username: 'staff2', displayName: '物业二' });
    await grantRole(tx, staff2, 'property_staff', w.places.A);
    const zstaff = await account({ username: 'zstaff', displayName: '远方物业' });
    await grantRole(tx, zstaff, 'property_staff', w.places.Z);
    const zmanager = await account({ username: 'zmanager', displayName: '远方经理' });
    await grantRole(tx, zmanager, 'property_manager', w.places.Z);
    return {
      staff2,
      zstaff,
      zmanager,
      // Tenant of A-1-102: a resident of the same compound who is not the reporter.
      tom: await account({ phone: '13800000002', displayName: '陈涛', personId: w.persons.tom }),
      // Owner in 明月小区, which has no property company.
      bob: await account({ phone: '13800000003', displayName: '李波', personId: w.persons.bob }),
      // Owner in the other street's 远方小区.
      zed: await account({ phone: '13800000004', displayName: '赵泽', personId: w.persons.zed }),
    };
  });
  return { ...w, accounts: { ...w.accounts, ...more } };
}
export type RepairsWorld = Awaited<ReturnType<typeof buildRepairsWorld>>;

/** `useTestEnv` over the repairs world; `client(login)` is a `signInClient` session signed in by its `before` hook. */
export function useRepairsWorld() {
  const setup = useTestEnv((env) => buildRepairsWorld(env.kernel));
  return { ...setup, client: (login: string) => setup.signedIn(login, { open: signInClient }) };
}



/** A small valid JPEG header followed by filler: sniffed as image/jpeg. */
export const jpeg = (size = 2048, seed = 0): FilePart => {
  const content = Buffer.alloc(size, seed);
  content.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return { filename: `photo${seed}.jpg`, type: 'image/jpeg', content };
};
export const png = (seed = 1): FilePart => {
  const content = Buffer.alloc(1024, seed);
  content.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return { filename: `photo${seed}.png`, type: 'image/png', content };
};

/** How many files the (in-memory) store holds. */
export const storedFiles = (files: FileStore) => (files as FileStore & { size(): number }).size();
