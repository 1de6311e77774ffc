import type { Role } from './access/index.ts';
import { loadGrants } from './auth/sessions.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Ctx, Kernel } from './context.ts';

/**
 * The demo: each module seeds its own part through its manifest's `demo.seed` hook, in the order of the
 * module list (the registry first: the street, its people and the demo logins). What one module's part
 * needs from an earlier one comes through this context — the logins, and parts an earlier module hands
 * on (`put`/`get`, named and typed by that module) — or through functions the earlier module exports;
 * never by reading its tables. `server/demo/seed-demo.ts` walks the modules.
 */

/** Every demo account shares this password. */
export const DEMO_PASSWORD = 'Gongzhi@2026';

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
}

/** mulberry32: tiny, fast and good enough for demo data; the same seed always gives the same stream. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
  };
}

/** A demo login: who it is, and where it serves or lives. */
export interface DemoAccount {
  id: string;
  /** The username, or the phone of a resident. */
  login: string;
  name: string;
  role: Role;
  personId: string | null;
  /** The places of its grants (none for a resident). */
  placeIds: string[];
  /** Where it serves or lives, as the printed list of logins says it. */
  place: string;
}

/** The name and type of what one module's seed hands on to the modules after it (`put` and `get`). */
export interface DemoPart<T> {
  readonly name: string;
  /** Carries the type only. */
  readonly type?: T;
}
export const demoPart = <T>(name: string): DemoPart<T> => ({ name });

export interface DemoSeedContext {
  /** The seed's "now": times in demo records count back from it. */
  readonly now: Date;
  readonly password: string;
  /** The password's hash, made once: argon2 for each demo account would cost more than the rest of the seed. */
  readonly passwordHash: string;
  /**
   * A generator for one module's draws, from a seed the module picks (and records in its audit entry):
   * the same seed always gives the same stream, so the demo is the same every run, and one module's
   * draws never shift another's.
   */
  random(seed: number): Rng;
  /** The demo's logins, in the order they are printed; a module that makes logins adds them. */
  readonly accounts: DemoAccount[];
  account(login: string): DemoAccount | undefined;
  /** Acting as a demo login, with its grants, to write through a module's use cases. */
  as(login: string): Promise<Ctx | undefined>;
  /** Lines printed under the logins (how to try something with them). */
  readonly notes: string[];
  put<T>(part: DemoPart<T>, value: T): void;
  /** What an earlier module handed on; undefined when that module did not seed (or is not there). */
  get<T>(part: DemoPart<T>): T | undefined;
}

export async function demoSeedContext(kernel: Kernel): Promise<DemoSeedContext> {
  const parts = new Map<string, unknown>();
  const accounts: DemoAccount[] = [];
  const account = (login: string) => accounts.find((a) => a.login === login);
  return {
    now: kernel.clock.now(),
    password: DEMO_PASSWORD,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    random: makeRng,
    accounts,
    account,
    async as(login) {
      const a = account(login);
      if (!a) return undefined;
      const grants = await loadGrants(kernel.db, a.id);
      return { kernel, actor: { accountId: a.id, name: a.name, personId: a.personId, grants, requestId: null, locale: 'zh-CN' } };
    },
    notes: [],
    put: (part, value) => void parts.set(part.name, value),
    get: <T>(part: DemoPart<T>) => parts.get(part.name) as T | undefined,
  };
}
