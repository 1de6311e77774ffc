import type { Database } from '../db/index.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Pii } from '../pii/pii.ts';
import { normalise } from '../pii/pii.ts';
import { defineErrors } from '../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const AuthErrors = defineErrors({
  LOGIN_FAILED: [401, '账号或密码错误', 'Wrong account or password'],
  ACCOUNT_LOCKED: [
    423,
    '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    'Too many failed sign-ins; the account is locked, try again in {minutes} minutes',
  ],
});

interface LoginDeps {
  database: Database;
  config: Config;
  clock: Clock;
  pii: Pii;
}

/**
 * Signs in with a username or a phone number. Five failures within fifteen minutes lock the
 * identifier (whether or not the account exists, so locking reveals nothing) until the window passes.
 */
export async function login(
  deps: LoginDeps,
  input: { login: string; password: string; ip?: string; userAgent?: string; requestId?: string },
) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const identifier = normalise(input.login).toLowerCase();
  const identifierHash = deps.pii.hash(`login:${identifier}`);
  const windowStart = new Date(now.getTime() - deps.config.lockout.windowMs);

  const failures = await db
    .selectFrom('auth_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
    .where('identifier_hash', '=', identifierHash)
    .where('at', '>', windowStart)
    .executeTakeFirstOrThrow();
  if (failures.n >= deps.config.lockout.failures) {
    const first = failures.first ? new Date(failures.first as Date) : now;
    const minutes = Math.max(1, Math.ceil((first.getTime() + deps.config.lockout.windowMs - now.getTime()) / 60_000));
    throw AuthErrors.ACCOUNT_LOCKED({ minutes });
  }

  const byPhone = /^1\d{10}$/.test(identifier);
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'password_hash', 'disabled'])
    .where(byPhone ? 'phone_hash' : 'username', '=', byPhone ? deps.pii.hash(identifier) : identifier)
    .executeTakeFirst();

  const usable = !!account && !account.disabled;
  // Unknown accounts still pay for one hash, so timing does not tell which accounts exist.
  const checked = await verifyPassword(usable ? account.password_hash : await dummyPasswordHash(), input.password);
  const ok = usable && checked;

  if (!ok || !account) {
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('auth_failures').values({ identifier_hash: identifierHash, at: now }).execute();
      await recordAudit(tx, { accountId: account?.id ?? null, name: identifier, requestId: input.requestId }, {
        action: 'auth.login_failed',
        subjectType: 'account',
        subjectId: account?.id,
      }, now);
    });
    throw AuthErrors.LOGIN_FAILED();
  }

  return db.transaction().execute(async (tx) => {
    await tx.deleteFrom('auth_failures').where('identifier_hash', '=', identifierHash).execute();
    const session = await createSession(tx, account.id, now, { ip: input.ip, userAgent: input.userAgent });
    await recordAudit(tx, { accountId: account.id, name: account.display_name, requestId: input.requestId }, {
      action: 'auth.login',
      subjectType: 'account',
      subjectId: account.id,
    }, now);
    return { ...session, accountId: account.id };
  });
}
