import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().startsWith('postgres', 'DATABASE_URL must be a postgres:// URL').optional(),
  GZ_DATA_DIR: z.string().default('./data'),
  GZ_HOST: z.string().default('127.0.0.1'),
  GZ_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GZ_PII_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'GZ_PII_KEY must be 32 bytes, base64-encoded')
    .optional(),
  GZ_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  GZ_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  GZ_LOCKOUT_FAILURES: z.coerce.number().int().positive().default(5),
  GZ_LOCKOUT_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  GZ_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  GZ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
});

export interface Config {
  /** `pglite` keeps the database in `dataDir`; `pg` talks to the server at `databaseUrl`. */
  database: { driver: 'pglite'; dataDir: string } | { driver: 'pg'; url: string };
  dataDir: string;
  host: string;
  port: number;
  /** 32-byte master key for personal data; every PII key is derived from it. */
  piiKey: Buffer;
  seedDemo: boolean;
  sessionIdleMs: number;
  lockout: { failures: number; windowMs: number };
  secureCookies: boolean;
  logLevel: string;
}

/**
 * Reads the environment once into validated settings. Invalid settings stop the process with a
 * message naming the variable, rather than failing later somewhere far from the cause.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.GZ_DATA_DIR);
  return {
    database: e.DATABASE_URL ? { driver: 'pg', url: e.DATABASE_URL } : { driver: 'pglite', dataDir: join(dataDir, 'pg') },
    dataDir,
    host: e.GZ_HOST,
    port: e.GZ_PORT,
    piiKey: e.GZ_PII_KEY ? Buffer.from(e.GZ_PII_KEY, 'base64') : loadOrCreateKeyFile(dataDir),
    seedDemo: e.GZ_SEED_DEMO === 'auto',
    sessionIdleMs: e.GZ_SESSION_IDLE_MINUTES * 60_000,
    lockout: { failures: e.GZ_LOCKOUT_FAILURES, windowMs: e.GZ_LOCKOUT_WINDOW_MINUTES * 60_000 },
    secureCookies: e.GZ_SECURE_COOKIES === 'true',
    logLevel: e.GZ_LOG_LEVEL,
  };
}

/** On an embedded install the key is generated into the data dir on first run; back it up with the data. */
function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = join(dataDir, 'pii.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}
