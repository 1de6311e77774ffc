import { randomBytes } from 'node:crypto';
import type { Database } from '../db/index.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Pii } from '../pii/pii.ts';
import { maskPhone, normalise } from '../pii/pii.ts';
import { defineErrors } from '../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { checkThrottle, deviceHashOf, oneAtATime, recordFailure, recordSuccess, throttleKeys } from './throttle.ts';

export const AuthErrors = defineErrors({
  LOGIN_FAILED: [401, '账号或密码错误', 'Wrong account or password'],
});

/** The browser's long-lived device cookie: lets a known device in while its login is under attack. */
export const DEVICE_COOKIE = 'gz_device';

interface LoginDeps {
  database: Database;
  config: Config;
  clock: Clock;
  pii: Pii;
}

const PHONE_RE = /^1\d{10}$/;

/**
 * What the audit log names a sign-in attempt by: never the typed text in full, which may be a
 * resident's phone number or a password typed into the wrong box. 13800000012 → 138****0012,
 * wangge → wa****.
 */
export function maskedLogin(identifier: string): string {
  if (PHONE_RE.test(identifier)) return maskPhone(identifier);
  return `${[...identifier].slice(0, 2).join('')}****`;
}

/**
 * Signs in with a username or a phone number, throttled per (login, client address) by a growing
 * delay and per login by known clients (see throttle.ts), so failures never lock the owner out.
 */
export async function login(
  deps: LoginDeps,
  input: { login: string; password: string; ip: string; device?: string | null; userAgent?: string; requestId?: string },
) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const identifier = normalise(input.login).toLowerCase();
  const keys = throttleKeys(deps.pii, identifier, { address: input.ip, device: input.device });

  return oneAtATime(keys, async () => {
    await checkThrottle(db, keys, deps.config.signIn, now);

    const byPhone = PHONE_RE.test(identifier);
    const account = await db
      .selectFrom('accounts')
      .select(['id', 'display_name', 'password_hash', 'disabled'])
      .where(byPhone ? 'phone_hash' : 'username', '=', byPhone ? deps.pii.hash(identifier) : identifier)
      .executeTakeFirst();

    const usable = !!account && !account.disabled;
    // Unknown accounts still pay for one hash, so timing does not tell which accounts exist.
    const checked = await verifyPassword(usable ? account.password_hash : await dummyPasswordHash(), input.password);

    if (!usable || !checked) {
      await db.transaction().execute(async (tx) => {
        await recordFailure(tx, keys, now);
        await recordAudit(tx, { accountId: account?.id ?? null, name: maskedLogin(identifier), requestId: input.requestId }, {
          action: 'auth.login_failed',
          subjectType: 'account',
          subjectId: account?.id,
        }, now);
      });
      throw AuthErrors.LOGIN_FAILED();
    }

    const device = input.device && /^[\w-]{16,64}$/.test(input.device) ? input.device : randomBytes(18).toString('base64url');
    return db.transaction().execute(async (tx) => {
      await recordSuccess(tx, { ...keys, deviceHash: deviceHashOf(deps.pii, device) }, now);
      const session = await createSession(tx, account.id, now, { ip: input.ip, userAgent: input.userAgent });
      await recordAudit(tx, { accountId: account.id, name: account.display_name, requestId: input.requestId }, {
        action: 'auth.login',
        subjectType: 'account',
        subjectId: account.id,
      }, now);
      return { ...session, accountId: account.id, device };
    });
  });
}
