import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db/index.ts';
import type { Actor, Grant } from '../access/actor.ts';
import type { StaffRole } from '../access/roles.ts';

export const SESSION_COOKIE = 'gz_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The session cookie's options: httpOnly (scripts never see it), SameSite=Lax, Secure behind TLS. */
export const sessionCookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure });

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Creates a server-side session; only the token's hash is stored, so a database leak yields no sessions. */
export async function createSession(
  db: Executor,
  accountId: string,
  now: Date,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export async function destroySession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

/**
 * Signs an account out everywhere (a password reset), or everywhere but the session of `exceptToken` (a change of
 * one's own password keeps the browser that made it). Every process's session cache hears of it from the database
 * at commit (migration 0011); a caller outside `write` also calls `kernel.sessions.invalidate(accountId)` after it.
 * Answers how many sessions ended.
 */
export async function destroyAccountSessions(db: Executor, accountId: string, exceptToken?: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('account_id', '=', accountId)
    .$if(!!exceptToken, (qb) => qb.where('token_hash', '<>', tokenHash(exceptToken!)))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | {
      status: 'ok';
      actor: Actor;
      csrfToken: string;
      /** The session's last-seen time as stored now. */
      lastSeenAt: Date;
      /** When the session began (the sign-in): its absolute lifetime counts from here. */
      createdAt: Date;
    };

/** How long a session may live: idle at most `idleMs`, and at most `maxMs` since sign-in however active. */
export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

/**
 * Resolves a session token to its actor. A session idle for longer than `limits.idleMs`, or older than
 * `limits.maxMs` since sign-in (a stolen cookie kept busy by a script must not live for ever), is
 * deleted and reported as expired; otherwise its last-seen time moves forward (at most once a minute,
 * to spare writes).
 */
export async function resolveSession(db: Executor, token: string, now: Date, limits: SessionLimits): Promise<SessionLookup> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      'sessions.token_hash',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.created_at',
      'accounts.id as account_id',
      'accounts.display_name',
      'accounts.person_id',
      'accounts.locale',
      'accounts.disabled',
      'accounts.must_change_password',
      // The grants in the same statement: a session lookup is one round trip.
      sql<GrantRow[]>`coalesce((select json_agg(json_build_object('role', g.role, 'place_id', g.place_id, 'path', p.path, 'name', p.name))
        from grants g join places p on p.id = g.place_id where g.account_id = accounts.id), '[]'::json)`.as('grants'),
    ])
    .where('sessions.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.disabled) return { status: 'none' };
  const idle = now.getTime() - row.last_seen_at.getTime();
  if (idle > limits.idleMs || now.getTime() - row.created_at.getTime() > limits.maxMs) {
    await db.deleteFrom('sessions').where('token_hash', '=', row.token_hash).execute();
    return { status: 'expired' };
  }
  let lastSeenAt = row.last_seen_at;
  if (idle > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', row.token_hash).execute();
    lastSeenAt = now;
  }
  return {
    status: 'ok',
    csrfToken: row.csrf_token,
    lastSeenAt,
    createdAt: row.created_at,
    actor: {
      accountId: row.account_id,
      name: row.display_name,
      personId: row.person_id,
      grants: row.grants.map(toGrant),
      requestId: null,
      locale: row.locale === 'en' ? 'en' : 'zh-CN',
      ...(row.must_change_password ? { mustChangePassword: true as const } : {}),
    },
  };
}

interface GrantRow {
  role: string;
  place_id: string;
  path: string;
  name: string;
}
const toGrant = (r: GrantRow): Grant => ({ role: r.role as StaffRole, placeId: r.place_id, placePath: r.path, placeName: r.name });

export async function loadGrants(db: Executor, accountId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('places', 'places.id', 'grants.place_id')
    .select(['grants.role', 'grants.place_id', 'places.path', 'places.name'])
    .where('grants.account_id', '=', accountId)
    .execute();
  return rows.map(toGrant);
}
