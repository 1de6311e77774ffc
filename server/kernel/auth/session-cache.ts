import type { Actor } from '../access/actor.ts';
import type { Database, Executor } from '../db/index.ts';
import { resolveSession, type SessionLimits, type SessionLookup, tokenHash } from './sessions.ts';

/**
 * Resolved sessions kept in memory for a few seconds, so most requests skip the two queries (session
 * with account, grants) that every request made before. Profiled on the resident home, they were a
 * third of its database round trips.
 *
 * Correctness first:
 * - The database tells every process what changed (migration 0011: triggers NOTIFY `gongzhi_auth` with
 *   the account id on sign-out, expiry, grant changes, account changes; `*` on place renames and
 *   moves). A notification drops that account's entries here at once. While the listening connection
 *   is down, nothing is served from the cache.
 * - A lookup that started before a notification arrived is not cached (an epoch counter), so a grant
 *   revoked during a lookup cannot be cached as still held.
 * - An entry is served only while the session's stored last-seen time is less than a minute old (and
 *   less than half the idle timeout), then the lookup goes to the database again, which moves that
 *   time forward: idle expiry works exactly as without the cache.
 * - An entry is never served past the session's absolute lifetime (counted from its sign-in).
 */
interface Entry {
  accountId: string;
  actor: Actor;
  csrfToken: string;
  lastSeenMs: number;
  createdMs: number;
  cachedMs: number;
}

const MAX_ENTRIES = 50_000;
const TTL_MS = 60_000;

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;
  private listening = false;
  hits = 0;
  misses = 0;

  /** Starts listening for changes; without it (or while the connection is lost) every lookup goes to the database. */
  async start(database: Database): Promise<void> {
    await database.listen(
      'gongzhi_auth',
      (payload) => this.invalidate(payload),
      (listening) => {
        this.listening = listening;
        this.epoch++;
        this.entries.clear();
      },
    );
  }

  /** Drops the entries of one account, or all of them (`*`). */
  invalidate(accountIdOrAll: string): void {
    this.epoch++;
    if (accountIdOrAll === '*') return this.entries.clear();
    for (const [key, e] of this.entries) if (e.accountId === accountIdOrAll) this.entries.delete(key);
  }

  async resolve(db: Executor, token: string, now: Date, limits: SessionLimits): Promise<SessionLookup> {
    const key = tokenHash(token);
    const hit = this.listening ? this.entries.get(key) : undefined;
    const window = Math.min(60_000, limits.idleMs / 2);
    const nowMs = now.getTime();
    if (
      hit &&
      nowMs - hit.lastSeenMs <= window &&
      nowMs - hit.cachedMs <= TTL_MS &&
      nowMs >= hit.lastSeenMs &&
      nowMs - hit.createdMs <= limits.maxMs
    ) {
      this.hits++;
      return { status: 'ok', actor: hit.actor, csrfToken: hit.csrfToken, lastSeenAt: new Date(hit.lastSeenMs), createdAt: new Date(hit.createdMs) };
    }
    this.misses++;
    const epoch = this.epoch;
    const found = await resolveSession(db, token, now, limits);
    if (found.status !== 'ok') {
      this.entries.delete(key);
      return found;
    }
    if (this.listening && epoch === this.epoch) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, {
        accountId: found.actor.accountId,
        actor: found.actor,
        csrfToken: found.csrfToken,
        lastSeenMs: found.lastSeenAt.getTime(),
        createdMs: found.createdAt.getTime(),
        cachedMs: now.getTime(),
      });
    }
    return found;
  }
}
