import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { WechatConfig } from '../../config.ts';

/**
 * WeChat subscribe messages (订阅消息) through the official account's API, the WeChat channel of the
 * notification service. One client for the real service and the sandbox: they differ only in the
 * transport, so the token handling, retries and error mapping the sandbox exercises are the code that
 * runs against api.weixin.qq.com when GZ_WECHAT_PROVIDER=real (with the app id and secret).
 *
 * The API as the client uses it (developers.weixin.qq.com, 服务端 API):
 * - `GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…` → `{access_token, expires_in}`
 *   (7200 s); a bad app id or secret → errcode 40013 / 40125.
 * - `POST /cgi-bin/message/subscribe/send?access_token=…` with `{touser, template_id, page, data}` →
 *   `{errcode: 0}`; 40001 (invalid credential) / 42001 (token expired): fetch a new token and retry once;
 *   43101 (the user has not allowed this template): not sent, and not retried; 40003 (bad openid) and
 *   47003 (bad template data): permanent; 45009 (frequency limit) and -1 (system busy): retry later.
 */
export interface WechatRequest {
  method: 'GET' | 'POST';
  path: string;
  query: Record<string, string>;
  body?: unknown;
}
export type WechatTransport = (req: WechatRequest) => Promise<Record<string, unknown>>;

export interface WechatMessage {
  openid: string;
  templateId: string;
  /** The H5 page the message opens (路径). */
  page?: string;
  /** Template fields, e.g. `{ thing1: '停水通知', time2: '2026-12-02 09:00' }`. */
  fields: Record<string, string>;
}

/** How a send ended, as the delivery job needs it: sent, try again later, or give up (with WeChat's code). */
export type WechatOutcome = { ok: true } | { ok: false; retry: boolean; code: string };

export interface WechatClient {
  readonly provider: WechatConfig['provider'];
  /** The account's template id for a Gongzhi template key (the sandbox uses the key itself). */
  templateId(key: string): string | undefined;
  send(message: WechatMessage): Promise<WechatOutcome>;
  /** The sandbox's own state (consents it holds, messages it received); undefined for the real service. */
  readonly sandbox?: WechatSandbox;
}

const RETRY_CODES = new Set([-1, 45009, 45011]);
const TOKEN_CODES = new Set([40001, 42001, 40014]);
/** Fetch a new token a minute before WeChat says it expires, so a send never races the expiry. */
const TOKEN_MARGIN_MS = 60_000;

export function wechatClient(config: WechatConfig, clock: Clock, transport: WechatTransport, sandbox?: WechatSandbox): WechatClient {
  let token: { value: string; expiresAt: number } | null = null;
  let fetching: Promise<string> | null = null;

  const fetchToken = async (): Promise<string> => {
    const res = await transport({
      method: 'GET',
      path: '/cgi-bin/token',
      query: { grant_type: 'client_credential', appid: config.appId, secret: config.secret },
    });
    if (typeof res.access_token !== 'string') throw new Error(`WeChat token refused: ${res.errcode} ${res.errmsg}`);
    token = { value: res.access_token, expiresAt: clock.now().getTime() + Number(res.expires_in ?? 7200) * 1000 - TOKEN_MARGIN_MS };
    return token.value;
  };
  // One fetch at a time: concurrent sends share it (WeChat invalidates the previous token on each fetch).
  const currentToken = (): Promise<string> => {
    if (token && token.expiresAt > clock.now().getTime()) return Promise.resolve(token.value);
    fetching ??= fetchToken().finally(() => {
      fetching = null;
    });
    return fetching;
  };

  const post = async (accessToken: string, m: WechatMessage) =>
    transport({
      method: 'POST',
      path: '/cgi-bin/message/subscribe/send',
      query: { access_token: accessToken },
      body: {
        touser: m.openid,
        template_id: m.templateId,
        page: m.page,
        data: Object.fromEntries(Object.entries(m.fields).map(([k, value]) => [k, { value }])),
      },
    });

  return {
    provider: config.provider,
    sandbox,
    templateId: (key) => config.templateIds[key] ?? (sandbox ? key : undefined),
    async send(m) {
      let res: Record<string, unknown>;
      try {
        res = await post(await currentToken(), m);
        if (TOKEN_CODES.has(Number(res.errcode))) {
          // The token expired early or another process fetched a new one: refresh once and retry.
          token = null;
          res = await post(await currentToken(), m);
        }
      } catch {
        return { ok: false, retry: true, code: 'network' };
      }
      const code = Number(res.errcode ?? 0);
      if (code === 0) return { ok: true };
      return { ok: false, retry: RETRY_CODES.has(code) || TOKEN_CODES.has(code), code: String(code) };
    },
  };
}

/** The real service: HTTPS to api.weixin.qq.com (or the configured base, e.g. a company's proxy). */
export function httpTransport(baseUrl: string, timeoutMs = 5000): WechatTransport {
  return async (req) => {
    const url = new URL(req.path, baseUrl);
    for (const [k, v] of Object.entries(req.query)) url.searchParams.set(k, v);
    const res = await fetch(url, {
      method: req.method,
      headers: req.body === undefined ? {} : { 'content-type': 'application/json' },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return (await res.json()) as Record<string, unknown>;
  };
}

export interface WechatSandboxMessage {
  at: Date;
  openid: string;
  templateId: string;
  page: string | undefined;
  fields: Record<string, string>;
}

/**
 * A stand-in for WeChat's servers that keeps the rules the client must live with: tokens expire after
 * 7200 s and a new fetch invalidates the old one; a subscribe message needs the user's consent for that
 * template, and each consent lets one message through; sends are rate-limited per minute. State is in
 * memory, like the SMS sandbox: the dev inbox shows what "reached" WeChat.
 */
export interface WechatSandbox {
  readonly transport: WechatTransport;
  /** What WeChat's subscribe prompt records when the user taps 允许 (once per message). */
  allow(openid: string, templateId: string, times?: number): void;
  /** A stable sandbox openid for an account, as a WeChat sign-in would give one. */
  openidFor(accountId: string): string;
  /** Expires every token now (as WeChat may, before its stated expiry). */
  expireTokens(): void;
  received(filter?: { openid?: string }): WechatSandboxMessage[];
  readonly stats: { tokensIssued: number; refused: Record<string, number> };
}

export function wechatSandbox(clock: Clock, opts: { appId: string; secret: string; perMinute?: number; keep?: number }): WechatSandbox {
  const perMinute = opts.perMinute ?? 600;
  const keep = opts.keep ?? 500;
  let live: { token: string; expiresAt: number } | null = null;
  let seq = 0;
  const consents = new Map<string, number>();
  const received: WechatSandboxMessage[] = [];
  const minute = { start: 0, count: 0 };
  const stats = { tokensIssued: 0, refused: {} as Record<string, number> };
  const refuse = (errcode: number, errmsg: string) => {
    stats.refused[errcode] = (stats.refused[errcode] ?? 0) + 1;
    return { errcode, errmsg };
  };

  const transport: WechatTransport = async (req) => {
    const now = clock.now().getTime();
    if (req.path === '/cgi-bin/token') {
      if (req.query.appid !== opts.appId) return refuse(40013, 'invalid appid');
      if (req.query.secret !== opts.secret) return refuse(40125, 'invalid appsecret');
      stats.tokensIssued++;
      live = { token: `sandbox-token-${++seq}`, expiresAt: now + 7200_000 };
      return { access_token: live.token, expires_in: 7200 };
    }
    if (req.path === '/cgi-bin/message/subscribe/send') {
      if (!live || req.query.access_token !== live.token) return refuse(40001, 'invalid credential, access_token is invalid or not latest');
      if (live.expiresAt <= now) return refuse(42001, 'access_token expired');
      if (now - minute.start >= 60_000) Object.assign(minute, { start: now, count: 0 });
      if (++minute.count > perMinute) return refuse(45009, 'reach max api daily quota limit');
      const body = req.body as { touser?: string; template_id?: string; page?: string; data?: Record<string, { value?: unknown }> };
      if (!body.touser || !/^o[\w-]{10,40}$/.test(body.touser)) return refuse(40003, 'invalid openid');
      const fields = Object.fromEntries(Object.entries(body.data ?? {}).map(([k, v]) => [k, String(v?.value ?? '')]));
      // thing.DATA fields hold at most 20 characters in WeChat's templates.
      if (!body.template_id || Object.values(fields).some((v) => v.length === 0 || [...v].length > 20)) return refuse(47003, 'argument invalid! data.thing.value invalid');
      const key = `${body.touser}|${body.template_id}`;
      const left = consents.get(key) ?? 0;
      if (left <= 0) return refuse(43101, 'user refuse to accept the msg');
      consents.set(key, left - 1);
      received.unshift({ at: new Date(now), openid: body.touser, templateId: body.template_id, page: body.page, fields });
      received.length = Math.min(received.length, keep);
      return { errcode: 0, errmsg: 'ok' };
    }
    return refuse(40066, 'invalid url');
  };

  return {
    transport,
    allow(openid, templateId, times = 1) {
      const key = `${openid}|${templateId}`;
      consents.set(key, (consents.get(key) ?? 0) + times);
    },
    openidFor: (accountId) => `oGZ${createHash('sha256').update(accountId).digest('base64url').slice(0, 25)}`,
    expireTokens() {
      if (live) live.expiresAt = 0;
    },
    received: (filter = {}) => received.filter((m) => !filter.openid || m.openid === filter.openid),
    stats,
  };
}

/** The client the configuration asks for: the sandbox by default, the real service with GZ_WECHAT_PROVIDER=real. */
export function createWechatClient(config: WechatConfig | undefined, clock: Clock): WechatClient {
  if (config?.provider === 'real') return wechatClient(config, clock, httpTransport(config.baseUrl));
  const sandboxConfig: WechatConfig = config ?? { provider: 'sandbox', appId: 'wx-sandbox', secret: 'sandbox-secret', baseUrl: '', templateIds: {} };
  const sandbox = wechatSandbox(clock, { appId: sandboxConfig.appId, secret: sandboxConfig.secret });
  return wechatClient(sandboxConfig, clock, sandbox.transport, sandbox);
}
