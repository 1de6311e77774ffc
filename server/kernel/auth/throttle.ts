import type { SignInLimits } from '../config.ts';
import type { Db, Executor } from '../db/index.ts';
import { defineErrors } from '../errors.ts';
import type { Pii } from '../pii/pii.ts';

/**
 * Sign-in throttling that protects accounts without handing anyone a lock-out weapon.
 *
 * A hard lock after N failures per login lets anyone who knows a login (a resident's phone number, an
 * official's username) lock its owner out. Here the cost of guessing falls on the guesser instead:
 * - per (login, client address): the first `freeFailures` failures cost nothing; after that each attempt
 *   from that address for that login waits 2^(failures − freeFailures) seconds after the latest failure,
 *   at most `maxDelayMs`. Failures from other addresses never delay this one. A success from the address
 *   clears its failures.
 * - per login, from all addresses: after `loginFailuresPerHour` failures in the last hour (a guessing
 *   campaign spread over many addresses), only clients that signed in to the login successfully in the
 *   last 30 days (the same address, or the same browser's device cookie) may try until the hour's count
 *   falls again.
 * - per client address, any login: the route's rate limit (30 attempts a minute).
 */
export const ThrottleErrors = defineErrors({
  LOGIN_THROTTLED: [
    429,
    '登录失败次数较多，请 {seconds} 秒后再试',
    'Too many failed sign-ins from here; try again in {seconds} seconds',
  ],
  LOGIN_UNDER_ATTACK: [
    429,
    '该账号近期登录失败次数异常，请在常用的手机或网络上登录，或稍后再试',
    'This account has had unusually many failed sign-ins; sign in from a device or network you have used before, or try later',
  ],
});

const HOUR = 60 * 60_000;
/** How long failures of a (login, address) pair are remembered, and so how long its delay can grow. */
export const PAIR_MEMORY_MS = 24 * HOUR;
/** How long a client that signed in successfully stays known. */
export const KNOWN_CLIENT_MS = 30 * 24 * HOUR;

/** The wait (ms) after the latest failure before the pair may try again, given its failure count. */
export function delayAfter(failures: number, limits: SignInLimits): number {
  if (failures < limits.freeFailures) return 0;
  const exponent = failures - limits.freeFailures;
  // 2^exponent seconds overflows nothing below 2^40; past the cap the answer is the cap anyway.
  return exponent >= 40 ? limits.maxDelayMs : Math.min(2 ** exponent * 1000, limits.maxDelayMs);
}

/** Keyed hashes, so neither logins nor addresses are stored in the clear. */
export function throttleKeys(pii: Pii, identifier: string, client: { address: string; device?: string | null }) {
  return {
    identifierHash: pii.hash(`login:${identifier}`),
    addressHash: pii.hash(`client:address:${client.address}`),
    deviceHash: client.device ? deviceHashOf(pii, client.device) : null,
  };
}
export const deviceHashOf = (pii: Pii, device: string) => pii.hash(`client:device:${device}`);
export type ThrottleKeys = ReturnType<typeof throttleKeys>;

/** Throws LOGIN_THROTTLED or LOGIN_UNDER_ATTACK when this attempt may not even be checked. */
export async function checkThrottle(db: Db, keys: ThrottleKeys, limits: SignInLimits, now: Date): Promise<void> {
  const pair = await db
    .selectFrom('auth_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('latest')])
    .where('identifier_hash', '=', keys.identifierHash)
    .where('client_hash', '=', keys.addressHash)
    .where('at', '>', new Date(now.getTime() - PAIR_MEMORY_MS))
    .executeTakeFirstOrThrow();
  const wait = delayAfter(pair.n, limits);
  if (wait > 0 && pair.latest) {
    const until = new Date(pair.latest as Date).getTime() + wait;
    if (until > now.getTime()) {
      const seconds = Math.ceil((until - now.getTime()) / 1000);
      throw ThrottleErrors.LOGIN_THROTTLED({ seconds }, { retryAfterSeconds: seconds });
    }
  }

  const login = await db
    .selectFrom('auth_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('identifier_hash', '=', keys.identifierHash)
    .where('at', '>', new Date(now.getTime() - HOUR))
    .executeTakeFirstOrThrow();
  if (login.n < limits.loginFailuresPerHour) return;
  const known = await db
    .selectFrom('auth_known_clients')
    .select('client_hash')
    .where('identifier_hash', '=', keys.identifierHash)
    .where('client_hash', 'in', [keys.addressHash, ...(keys.deviceHash ? [keys.deviceHash] : [])])
    .where('last_success_at', '>', new Date(now.getTime() - KNOWN_CLIENT_MS))
    .executeTakeFirst();
  if (!known) throw ThrottleErrors.LOGIN_UNDER_ATTACK();
}

/** Records a failure of the pair (and forgets the login's failures older than the pair's memory). */
export async function recordFailure(db: Executor, keys: ThrottleKeys, now: Date): Promise<void> {
  await db.deleteFrom('auth_failures').where('identifier_hash', '=', keys.identifierHash).where('at', '<=', new Date(now.getTime() - PAIR_MEMORY_MS)).execute();
  await db.insertInto('auth_failures').values({ identifier_hash: keys.identifierHash, client_hash: keys.addressHash, at: now }).execute();
}

/** A success clears the pair's failures and makes its address and device known to the login. */
export async function recordSuccess(db: Executor, keys: ThrottleKeys & { deviceHash: string }, now: Date): Promise<void> {
  await db.deleteFrom('auth_failures').where('identifier_hash', '=', keys.identifierHash).where('client_hash', '=', keys.addressHash).execute();
  for (const client_hash of [keys.addressHash, keys.deviceHash]) {
    await db
      .insertInto('auth_known_clients')
      .values({ identifier_hash: keys.identifierHash, client_hash, last_success_at: now })
      .onConflict((oc) => oc.columns(['identifier_hash', 'client_hash']).doUpdateSet({ last_success_at: now }))
      .execute();
  }
}

/**
 * Attempts of one (login, address) pair are taken one after another in this process. Run side by side,
 * thirty guesses sent at once would all pass the check before the first failure is written; queued,
 * each is checked after the one before it has been counted. (Across several app processes the
 * route's per-address rate limit still bounds a burst.)
 */
const queues = new Map<string, Promise<unknown>>();
export async function oneAtATime<T>(keys: ThrottleKeys, work: () => Promise<T>): Promise<T> {
  const key = `${keys.identifierHash}|${keys.addressHash}`;
  const before = queues.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  queues.set(key, mine);
  try {
    return await mine;
  } finally {
    if (queues.get(key) === mine) queues.delete(key);
  }
}
