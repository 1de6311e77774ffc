import type { Clock } from '../clock.ts';
import type { SmsConfig } from '../config.ts';
import { defineErrors } from '../errors.ts';
import { maskPhone, normalise } from '../pii/pii.ts';

/**
 * Text messages to mobile phones (sign-up codes, later notices). A module calls `kernel.sms.send`;
 * which provider carries the message is configuration (GZ_SMS_PROVIDER):
 *
 * - `sandbox` (default): nothing leaves the machine; the last messages stay in memory and the
 *   workbench's dev inbox (短信沙箱, GET /api/sms/sandbox) shows them. Memory, not the database,
 *   so one-time codes are never stored in clear text anywhere durable.
 * - `http`: a JSON POST `{ phone, text }` to GZ_SMS_HTTP_URL (with `Authorization: Bearer
 *   GZ_SMS_HTTP_TOKEN` when set), for a gateway in front of the real SMS provider. A non-2xx answer
 *   or a timeout fails the send with SMS_SEND_FAILED.
 */
export interface SmsSender {
  readonly provider: SmsConfig['provider'];
  send(phone: string, text: string): Promise<void>;
  /** The sandbox's kept messages, newest first; undefined for real providers. */
  readonly outbox?: SandboxOutbox;
}

export interface SandboxMessage {
  id: number;
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
    async send(phone, text) {
      const p = normalise(phone);
      kept.unshift({ id: ++seq, at: clock.now(), phone: p, phoneMasked: maskPhone(p), text });
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
    async send(phone, text) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (config.token) headers.authorization = `Bearer ${config.token}`;
      let ok = false;
      try {
        const res = await fetch(config.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ phone: normalise(phone), text }),
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
