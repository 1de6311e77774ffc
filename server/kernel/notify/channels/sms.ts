import type { Clock } from '../../clock.ts';
import type { SmsConfig } from '../../config.ts';
import { defineErrors } from '../../errors.ts';
import { maskPhone, normalise } from '../../pii/pii.ts';

/**
 * Text messages to mobile phones, the SMS channel of the notification service (kernel/notify/): the
 * delivery job sends queued messages through it, and `sendNow` sends sign-up codes. Which provider
 * carries the message is configuration (GZ_SMS_PROVIDER):
 *
 * - `sandbox` (default): nothing leaves the machine; the last messages stay in memory and the
 *   workbench's dev inbox (短信沙箱, GET /api/sms/sandbox) shows them. Memory, not the database,
 *   so one-time codes are never stored in clear text anywhere durable.
 * - `http`: a JSON POST `{ id, phone, text }` to GZ_SMS_HTTP_URL (with `Authorization: Bearer
 *   GZ_SMS_HTTP_TOKEN` when set), for a gateway in front of the real SMS provider. A non-2xx answer
 *   or a timeout fails the send with SMS_SEND_FAILED.
 */
export interface SmsSender {
  readonly provider: SmsConfig['provider'];
  /**
   * `id` is the message's idempotency key: a message re-sent with the same id after a crash (sent, but
   * the process died before recording it) is delivered once. The sandbox keeps it once; the gateway gets
   * it as `id` and must do the same (as real SMS platforms do with the caller's serial number).
   */
  send(phone: string, text: string, opts?: { id?: string }): Promise<void>;
  /** The sandbox's kept messages, newest first; undefined for real providers. */
  readonly outbox?: SandboxOutbox;
}

export interface SandboxMessage {
  id: number;
  /** The sender's idempotency key, when it gave one. */
  key: string | null;
  at: Date;
  phone: string;
  phoneMasked: string;
  text: string;
}

export interface SandboxOutbox {
  list(filter?: { phone?: string; limit?: number }): SandboxMessage[];
}

export const SmsErrors = defineErrors({
  SMS_SEND_FAILED: [502, '短信发送失败，请稍后再试', 'The text message could not be sent; please try again later'],
  SMS_SANDBOX_OFF: [404, '短信沙箱未启用（已配置真实短信通道）', 'The SMS sandbox is off (a real SMS provider is configured)'],
});

/** How many messages the sandbox keeps: enough for a day of testing, bounded memory. */
const SANDBOX_KEEP = 500;

export function sandboxSms(clock: Clock): SmsSender & { outbox: SandboxOutbox } {
  const kept: SandboxMessage[] = [];
  let seq = 0;
  return {
    provider: 'sandbox',
    async send(phone, text, opts = {}) {
      const p = normalise(phone);
      const key = opts.id ?? null;
      // A real platform drops a repeated serial number; so does the sandbox (within what it keeps).
      if (key && kept.some((m) => m.key === key)) return;
      kept.unshift({ id: ++seq, key, at: clock.now(), phone: p, phoneMasked: maskPhone(p), text });
      kept.length = Math.min(kept.length, SANDBOX_KEEP);
    },
    outbox: {
      list(filter = {}) {
        const phone = filter.phone ? normalise(filter.phone) : null;
        return kept.filter((m) => !phone || m.phone === phone).slice(0, filter.limit ?? 50);
      },
    },
  };
}

export function httpSms(config: Extract<SmsConfig, { provider: 'http' }>): SmsSender {
  return {
    provider: 'http',
    async send(phone, text, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (config.token) headers.authorization = `Bearer ${config.token}`;
      let ok = false;
      try {
        const res = await fetch(config.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ id: opts.id, phone: normalise(phone), text }),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        ok = res.ok;
        await res.body?.cancel();
      } catch {
        ok = false;
      }
      if (!ok) throw SmsErrors.SMS_SEND_FAILED();
    },
  };
}

export function createSmsSender(config: SmsConfig | undefined, clock: Clock): SmsSender {
  return config?.provider === 'http' ? httpSms(config) : sandboxSms(clock);
}
