import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().startsWith('postgres', 'DATABASE_URL must be a postgres:// URL').optional(),
  GZ_DATA_DIR: z.string().default('./data'),
  // Only for a throwaway cluster run without fsync (CI's): start on it anyway, with a warning.
  GZ_ALLOW_UNSAFE_DB: z.enum(['true', 'false']).default('false'),
  GZ_HOST: z.string().default('127.0.0.1'),
  GZ_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GZ_PII_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'GZ_PII_KEY must be 32 bytes, base64-encoded')
    .optional(),
  GZ_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  GZ_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  // A session's absolute lifetime since sign-in, however active it stays.
  GZ_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // Retention (kernel/privacy/retention.ts): days after which sessions, sign-in bookkeeping, SMS codes and
  // notifications are deleted. SMS codes count the daily sending limit, so they stay at least two days.
  GZ_RETENTION_DAYS_SESSIONS: z.coerce.number().int().min(1).max(3650).default(30),
  GZ_RETENTION_DAYS_SIGNIN: z.coerce.number().int().min(1).max(3650).default(90),
  GZ_RETENTION_DAYS_OTP: z.coerce.number().int().min(2).max(3650).default(7),
  GZ_RETENTION_DAYS_NOTIFY: z.coerce.number().int().min(1).max(3650).default(180),
  // Sign-in throttling (server/kernel/auth/throttle.ts): free failures per (login, client address)
  // before each further attempt waits, the longest wait, and the failures per login per hour (from all
  // addresses) after which only clients that signed in to it before may try.
  GZ_SIGNIN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  GZ_SIGNIN_MAX_DELAY_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  GZ_SIGNIN_LOGIN_FAILURES_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(50),
  // The reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated.
  // Empty (the default): the client's address is the connection's, whatever headers it sends.
  GZ_TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrRange), 'GZ_TRUST_PROXY must list IP addresses or CIDR ranges, comma-separated'),
  GZ_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** Tests and the e2e server: every answered write is checked against the audit log (audit/audit-guard.ts). */
  GZ_CHECK_AUDIT: z.enum(['true', 'false']).default('false'),
  GZ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  // Text messages (sign-up codes): `sandbox` keeps them for the workbench's dev inbox; `http` POSTs
  // {phone, text} as JSON to GZ_SMS_HTTP_URL (a gateway in front of the real provider).
  GZ_SMS_PROVIDER: z.enum(['sandbox', 'http']).default('sandbox'),
  GZ_SMS_HTTP_URL: z.url({ protocol: /^https?$/, error: 'GZ_SMS_HTTP_URL must be an http(s) URL' }).optional(),
  GZ_SMS_HTTP_TOKEN: z.string().min(1).optional(),
  GZ_SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  // WeChat subscribe messages (kernel/notify/channels/wechat.ts): `sandbox` (default) stands in for WeChat's
  // servers in memory; `real` calls the official account's API with its app id and secret.
  // GZ_WECHAT_TEMPLATE_IDS maps Gongzhi's template keys to the account's template ids (JSON object).
  GZ_WECHAT_PROVIDER: z.enum(['sandbox', 'real']).default('sandbox'),
  GZ_WECHAT_APP_ID: z.string().min(1).optional(),
  GZ_WECHAT_SECRET: z.string().min(1).optional(),
  GZ_WECHAT_BASE_URL: z.url({ protocol: /^https?$/, error: 'GZ_WECHAT_BASE_URL must be an http(s) URL' }).default('https://api.weixin.qq.com'),
  GZ_WECHAT_TEMPLATE_IDS: z
    .string()
    .default('{}')
    .transform((v, c) => {
      try {
        const parsed = JSON.parse(v) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((x) => typeof x === 'string')) {
          return parsed as Record<string, string>;
        }
      } catch {
        // Not JSON: said below.
      }
      c.addIssue({ code: 'custom', message: 'GZ_WECHAT_TEMPLATE_IDS must be a JSON object of template key → WeChat template id' });
      return z.NEVER;
    }),
  // Property-fee payments (modules/fees/gateway): the provider adapter, and the merchant key its notifications
  // are signed with (HMAC-SHA256). Only the built-in sandbox ships; a real provider is an adapter added to
  // gateway/providers.ts and named here. The sandbox's key has a development default.
  GZ_PAY_PROVIDER: z.enum(['sandbox']).default('sandbox'),
  GZ_PAY_MERCHANT_KEY: z.string().min(16, 'GZ_PAY_MERCHANT_KEY must be at least 16 characters').optional(),
  // The address residents reach the app at, for links printed on paper (activation slips' QR codes).
  GZ_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'GZ_PUBLIC_URL must be an http(s) URL' }).optional(),
}).refine((e) => e.GZ_SMS_PROVIDER !== 'http' || !!e.GZ_SMS_HTTP_URL, {
  path: ['GZ_SMS_HTTP_URL'],
  message: 'GZ_SMS_HTTP_URL is required when GZ_SMS_PROVIDER=http',
}).refine((e) => e.GZ_WECHAT_PROVIDER !== 'real' || (!!e.GZ_WECHAT_APP_ID && !!e.GZ_WECHAT_SECRET), {
  path: ['GZ_WECHAT_APP_ID'],
  message: 'GZ_WECHAT_APP_ID and GZ_WECHAT_SECRET are required when GZ_WECHAT_PROVIDER=real',
});

/** See server/kernel/auth/throttle.ts. */
export interface SignInLimits {
  freeFailures: number;
  maxDelayMs: number;
  loginFailuresPerHour: number;
}

/** WeChat subscribe messages (see server/kernel/notify/channels/wechat.ts); `templateIds`: template key → WeChat's id. */
export interface WechatConfig {
  provider: 'sandbox' | 'real';
  appId: string;
  secret: string;
  baseUrl: string;
  templateIds: Record<string, string>;
}

/** How text messages leave the system (see server/kernel/notify/channels/sms.ts). */
export type SmsConfig = { provider: 'sandbox' } | { provider: 'http'; url: string; token: string | null; timeoutMs: number };

/** Days kept, per kind of short-lived personal data (GZ_RETENTION_DAYS_*). */
export interface RetentionDays {
  sessions: number;
  signIn: number;
  otp: number;
  notify: number;
}

export interface Config {
  /** `embedded`: the app starts its own PostgreSQL server on `dataDir/pg`; `pg`: the server at DATABASE_URL. */
  database: { driver: 'embedded'; dataDir: string } | { driver: 'pg'; url: string; allowUnsafe?: 'refuse' | 'warn' | 'allow' };
  dataDir: string;
  host: string;
  port: number;
  /** 32-byte master key for personal data; every PII key is derived from it. */
  piiKey: Buffer;
  seedDemo: boolean;
  sessionIdleMs: number;
  /** A session older than this since sign-in is refused, however active (GZ_SESSION_MAX_HOURS). */
  sessionMaxMs: number;
  /** Days each kind of short-lived personal data is kept; absent (tests, tools): the defaults of retention.ts. */
  retention?: Partial<RetentionDays>;
  signIn: SignInLimits;
  /** Reverse proxies whose X-Forwarded-For names the client; empty: none. */
  trustProxy: string[];
  secureCookies: boolean;
  logLevel: string;
  /** Check every answered write against the audit log (tests, the e2e server): audit/audit-guard.ts. */
  checkAudit?: boolean;
  /** Absent (tests, tools): the sandbox. */
  sms?: SmsConfig;
  /** Absent (tests, tools): the sandbox. */
  wechat?: WechatConfig;
  /** Absent: links are built from the request's own host. */
  publicUrl?: string;
  /** Property-fee payments; absent (tests, tools): the sandbox with its development key. */
  pay?: PayConfig;
}

/** The payment provider of property fees (modules/fees/gateway/providers.ts) and its merchant key. */
export interface PayConfig {
  provider: 'sandbox';
  merchantKey: string;
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
    database: e.DATABASE_URL
      ? { driver: 'pg', url: e.DATABASE_URL, allowUnsafe: e.GZ_ALLOW_UNSAFE_DB === 'true' ? 'warn' : 'refuse' }
      : { driver: 'embedded', dataDir },
    dataDir,
    host: e.GZ_HOST,
    port: e.GZ_PORT,
    piiKey: e.GZ_PII_KEY ? Buffer.from(e.GZ_PII_KEY, 'base64') : loadOrCreateKeyFile(dataDir),
    seedDemo: e.GZ_SEED_DEMO === 'auto',
    sessionIdleMs: e.GZ_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.GZ_SESSION_MAX_HOURS * 3_600_000,
    retention: {
      sessions: e.GZ_RETENTION_DAYS_SESSIONS,
      signIn: e.GZ_RETENTION_DAYS_SIGNIN,
      otp: e.GZ_RETENTION_DAYS_OTP,
      notify: e.GZ_RETENTION_DAYS_NOTIFY,
    },
    signIn: {
      freeFailures: e.GZ_SIGNIN_FREE_FAILURES,
      maxDelayMs: e.GZ_SIGNIN_MAX_DELAY_MINUTES * 60_000,
      loginFailuresPerHour: e.GZ_SIGNIN_LOGIN_FAILURES_PER_HOUR,
    },
    trustProxy: e.GZ_TRUST_PROXY,
    secureCookies: e.GZ_SECURE_COOKIES === 'true',
    logLevel: e.GZ_LOG_LEVEL,
    checkAudit: e.GZ_CHECK_AUDIT === 'true',
    sms:
      e.GZ_SMS_PROVIDER === 'http'
        ? { provider: 'http', url: e.GZ_SMS_HTTP_URL!, token: e.GZ_SMS_HTTP_TOKEN ?? null, timeoutMs: e.GZ_SMS_HTTP_TIMEOUT_MS }
        : { provider: 'sandbox' },
    wechat: {
      provider: e.GZ_WECHAT_PROVIDER,
      appId: e.GZ_WECHAT_APP_ID ?? 'wx-sandbox',
      secret: e.GZ_WECHAT_SECRET ?? 'sandbox-secret',
      baseUrl: e.GZ_WECHAT_BASE_URL,
      templateIds: e.GZ_WECHAT_TEMPLATE_IDS,
    },
    publicUrl: e.GZ_PUBLIC_URL?.replace(/\/+$/, ''),
    pay: { provider: e.GZ_PAY_PROVIDER, merchantKey: e.GZ_PAY_MERCHANT_KEY ?? SANDBOX_MERCHANT_KEY },
  };
}

/** The sandbox's merchant key when none is configured: development and tests only (the sandbox moves no money). */
export const SANDBOX_MERCHANT_KEY = 'gongzhi-sandbox-merchant-key';

/** 10.0.0.1, ::1, 10.0.0.0/8, fd00::/8 */
function isAddressOrRange(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
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
