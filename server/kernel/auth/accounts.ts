import type { Executor } from '../db/index.ts';
import type { Pii } from '../pii/pii.ts';
import { maskPhone, normalise } from '../pii/pii.ts';
import type { StaffRole } from '../access/roles.ts';
import { newId } from '../ids.ts';
import { findPlace } from '../access/places.ts';
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
  // A grant may name a region as well as a street's place, so no foreign key holds it (ADR 0003): this does.
  if (!(await findPlace(db, placeId))) throw new Error(`grantRole: no place ${placeId}`);
  await db.insertInto('grants').values({ id: newId(), account_id: accountId, role, place_id: placeId }).onConflict((oc) => oc.doNothing()).execute();
}

/** The account signed in with this phone number, if any (by its keyed hash). */
export async function findAccountByPhone(db: Executor, pii: Pii, phone: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'person_id', 'disabled'])
    .where('phone_hash', '=', pii.hash(normalise(phone)))
    .executeTakeFirst();
}

/** Accounts matched to a registry person (normally at most one). */
export async function accountsOfPerson(db: Executor, personId: string) {
  return db.selectFrom('accounts').select(['id', 'display_name', 'phone_masked']).where('person_id', '=', personId).execute();
}

/**
 * Matches an account to a registry person (activation) or clears the match (`personId: null`). The
 * account then shows the person's name. The caller authorizes and audits, in its transaction.
 */
export async function setAccountPerson(db: Executor, accountId: string, personId: string | null, displayName?: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ person_id: personId, ...(displayName ? { display_name: displayName } : {}) })
    .where('id', '=', accountId)
    .execute();
}

/**
 * Sets an account's password (an argon2id hash the caller made) and whether it must be changed at the next sign-in
 * (`mustChange`: a temporary password an administrator handed out). The caller destroys the account's sessions
 * (`destroyAccountSessions`), authorizes and audits, in its transaction.
 */
export async function setAccountPassword(db: Executor, accountId: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash, must_change_password: mustChange }).where('id', '=', accountId).execute();
}
