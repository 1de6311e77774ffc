import type { Executor } from '../db/index.ts';
import type { Pii } from '../pii/pii.ts';
import { maskPhone, normalise } from '../pii/pii.ts';
import type { StaffRole } from '../access/roles.ts';
import { newId } from '../ids.ts';
import { hashPassword } from './passwords.ts';

/** Creates a sign-in account (username and/or phone; the phone is stored encrypted with a lookup hash). */
export async function createAccount(
  db: Executor,
  pii: Pii,
  input: { username?: string; phone?: string; displayName: string; password: string; personId?: string | null; passwordHash?: string },
): Promise<string> {
  const id = newId();
  const phone = input.phone ? normalise(input.phone) : null;
  await db
    .insertInto('accounts')
    .values({
      id,
      username: input.username?.toLowerCase() ?? null,
      phone_enc: phone ? pii.encrypt(phone) : null,
      phone_hash: phone ? pii.hash(phone) : null,
      phone_masked: phone ? maskPhone(phone) : null,
      display_name: input.displayName,
      password_hash: input.passwordHash ?? (await hashPassword(input.password)),
      person_id: input.personId ?? null,
    })
    .execute();
  return id;
}

export async function grantRole(db: Executor, accountId: string, role: StaffRole, placeId: string): Promise<void> {
  await db.insertInto('grants').values({ id: newId(), account_id: accountId, role, place_id: placeId }).onConflict((oc) => oc.doNothing()).execute();
}
