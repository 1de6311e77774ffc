import { sql } from 'kysely';
import type { Kernel } from '../context.ts';
import { ownerGone } from '../db/liveness.ts';
import type { NotifyChannel, NotifyStatus } from '../db/tables.ts';
import type { Job } from '../jobs/jobs.ts';
import { fill, notificationTemplate, SMS_SIGNATURE, textIn } from './notify.ts';
import { inQuietHours, quietHoursEnd } from './quiet-hours.ts';

/** Messages claimed per round, and sent at the same time within a round (a gateway's fair share). */
const CLAIM = 200;
const PARALLEL = 20;
/** A run stops taking new rounds after this long, so one run never holds the job for minutes. */
const RUN_BUDGET_MS = 20_000;
/** Tries before a message is given up: 30 s, 1, 2, 4, 8 min … between them. */
export const MAX_ATTEMPTS = 6;
const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3600_000);

interface Claimed {
  street_id: string;
  id: string;
  batch_id: string;
  account_id: string;
  channel: Exclude<NotifyChannel, 'inbox'>;
  attempts: number;
}

interface Outcome {
  message: Claimed;
  status: NotifyStatus;
  error: string | null;
  nextAt?: Date;
  /** A message held for quiet hours was not a try. */
  notATry?: boolean;
  /** A WeChat message sent, or refused for want of consent: what it does to the person's consents for the template. */
  consent?: { template: string; effect: 'spent' | 'gone' };
}

/**
 * The delivery job: takes due SMS and WeChat messages (`for update skip locked`, so several app
 * processes share the work and never take the same message), sends them and records each round's
 * outcomes before taking the next — what was sent is recorded within one round of sending it.
 * Messages a dead process had taken are settled first (`settleAbandoned`).
 */
export async function deliverDue(kernel: Kernel): Promise<{ sent: number; failed: number; skipped: number; held: number }> {
  const totals = { sent: 0, failed: 0, skipped: 0, held: 0 };
  await settleAbandoned(kernel);
  const started = Date.now();
  while (Date.now() - started < RUN_BUDGET_MS) {
    const claimed = await claim(kernel);
    if (claimed.length === 0) break;
    const context = await loadContext(kernel, claimed);
    for (let i = 0; i < claimed.length; i += PARALLEL) {
      const outcomes = await Promise.all(claimed.slice(i, i + PARALLEL).map((m) => deliverOne(kernel, context, m)));
      await record(kernel, outcomes);
      for (const o of outcomes) {
        if (o.notATry) totals.held++;
        else if (o.status === 'sent') totals.sent++;
        else if (o.status === 'failed') totals.failed++;
        else if (o.status === 'skipped') totals.skipped++;
      }
    }
  }
  return totals;
}

async function claim(kernel: Kernel): Promise<Claimed[]> {
  const now = kernel.clock.now();
  const { rows } = await sql<Claimed>`
    update notify_messages m set status = 'sending', owner_instance = ${kernel.instance}, claimed_at = ${now}, attempts = m.attempts + 1
    from (select street_id, id from notify_messages where status = 'queued' and next_attempt_at <= ${now}
          order by next_attempt_at limit ${CLAIM} for update skip locked) due
    where m.street_id = due.street_id and m.id = due.id
    returning m.street_id, m.id, m.batch_id, m.account_id, m.channel, m.attempts`.execute(kernel.db);
  return rows;
}

/**
 * Messages a process took and never finished because it died. A text message goes back in the queue:
 * it carries its id as the gateway's idempotency key, so one the gateway had already accepted is not
 * delivered twice. WeChat's API has no such key, so a WeChat message that may have gone out is marked
 * `uncertain` instead of being sent again (and spending another of the person's consents).
 */
export async function settleAbandoned(kernel: Kernel): Promise<number> {
  const { numAffectedRows } = await sql`
    update notify_messages set
      status = case when channel = 'wechat' then 'uncertain' else 'queued' end,
      error = case when channel = 'wechat' then 'interrupted' else error end,
      owner_instance = null
    where status = 'sending' and owner_instance <> ${kernel.instance} and ${ownerGone('owner_instance')}`.execute(kernel.db);
  return Number(numAffectedRows ?? 0);
}

interface Context {
  batches: Map<string, { template: string; data: Record<string, unknown>; urgent: boolean }>;
  accounts: Map<string, { phoneEnc: string | null; locale: string; muted: string[]; quietStart: number | null; quietEnd: number | null; openid: string | null }>;
  consents: Map<string, number>;
}

async function loadContext(kernel: Kernel, claimed: Claimed[]): Promise<Context> {
  const batchIds = [...new Set(claimed.map((m) => m.batch_id))];
  const accountIds = [...new Set(claimed.map((m) => m.account_id))];
  const [batches, accounts, consents] = await Promise.all([
    kernel.db.selectFrom('notify_batches').select(['id', 'template', 'data', 'urgent']).where('id', 'in', batchIds).execute(),
    kernel.db
      .selectFrom('accounts as a')
      .leftJoin('notify_settings as s', 's.account_id', 'a.id')
      .select(['a.id', 'a.phone_enc', 'a.locale', 's.muted_channels', 's.quiet_start', 's.quiet_end', 's.wechat_openid'])
      .where('a.id', 'in', accountIds)
      .execute(),
    kernel.db.selectFrom('notify_wechat_consents').select(['account_id', 'template', 'remaining']).where('account_id', 'in', accountIds).execute(),
  ]);
  return {
    batches: new Map(batches.map((b) => [b.id, { template: b.template, data: (b.data ?? {}) as Record<string, unknown>, urgent: b.urgent }])),
    accounts: new Map(
      accounts.map((a) => [
        a.id,
        { phoneEnc: a.phone_enc, locale: a.locale, muted: a.muted_channels ?? [], quietStart: a.quiet_start, quietEnd: a.quiet_end, openid: a.wechat_openid },
      ]),
    ),
    consents: new Map(consents.map((c) => [`${c.account_id}|${c.template}`, c.remaining])),
  };
}

async function deliverOne(kernel: Kernel, context: Context, message: Claimed): Promise<Outcome> {
  const skip = (error: string): Outcome => ({ message, status: 'skipped', error });
  const batch = context.batches.get(message.batch_id);
  const account = context.accounts.get(message.account_id);
  const template = batch && notificationTemplate(batch.template);
  if (!batch || !account || !template) return { message, status: 'failed', error: 'unknown_template' };
  const now = kernel.clock.now();
  if (!batch.urgent) {
    if (account.muted.includes(message.channel)) return skip('muted');
    const quiet = { start: account.quietStart, end: account.quietEnd };
    if (inQuietHours(now, quiet)) return { message, status: 'queued', error: null, nextAt: quietHoursEnd(now, quiet), notATry: true };
  }
  const retryOrFail = (error: string): Outcome =>
    message.attempts >= MAX_ATTEMPTS
      ? { message, status: 'failed', error }
      : { message, status: 'queued', error, nextAt: new Date(now.getTime() + backoffMs(message.attempts)) };

  if (message.channel === 'sms') {
    if (!template.sms) return skip('no_template');
    if (!account.phoneEnc) return skip('no_phone');
    try {
      const text = SMS_SIGNATURE + fill(textIn(template.sms, account.locale), batch.data);
      await kernel.sms.send(kernel.pii.decrypt(account.phoneEnc), text, { id: message.id });
      return { message, status: 'sent', error: null };
    } catch (err) {
      return retryOrFail((err as { code?: string }).code ?? 'send_failed');
    }
  }

  const templateId = kernel.wechat.templateId(template.key);
  if (!template.wechat || !templateId) return skip('no_template');
  if (!account.openid) return skip('no_openid');
  // Checked here, and WeChat checks again (43101): a message the person did not allow is never tried.
  const consentKey = `${message.account_id}|${template.key}`;
  const consents = context.consents.get(consentKey) ?? 0;
  if (consents <= 0) return skip('no_consent');
  // Taken before the first await: two messages of a round never count on the same consent.
  context.consents.set(consentKey, consents - 1);
  const fields = Object.fromEntries(Object.entries(template.wechat).map(([k, v]) => [k, cut(fill(v, batch.data), 20)]));
  const link = template.link ? fill(template.link, batch.data) : undefined;
  const result = await kernel.wechat.send({ openid: account.openid, templateId, page: link, fields });
  if (result.ok) return { message, status: 'sent', error: null, consent: { template: template.key, effect: 'spent' } };
  if (result.code === '43101') return { message, status: 'skipped', error: 'no_consent', consent: { template: template.key, effect: 'gone' } };
  return result.retry ? retryOrFail(`wechat_${result.code}`) : { message, status: 'failed', error: `wechat_${result.code}` };
}

/** WeChat's `thing` fields hold 20 characters: a longer title is cut with an ellipsis rather than refused. */
const cut = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

async function record(kernel: Kernel, outcomes: Outcome[]): Promise<void> {
  const now = kernel.clock.now();
  await kernel.db.transaction().execute(async (tx) => {
    await sql`
      update notify_messages m set
        status = o.status, error = o.error, owner_instance = null,
        sent_at = case when o.status = 'sent' then ${now}::timestamptz end,
        next_attempt_at = coalesce(o.next_at, m.next_attempt_at),
        attempts = m.attempts - o.not_a_try
      from unnest(${outcomes.map((o) => o.message.street_id)}::uuid[], ${outcomes.map((o) => o.message.id)}::uuid[],
                  ${outcomes.map((o) => o.status)}::text[], ${outcomes.map((o) => o.error)}::text[],
                  ${outcomes.map((o) => o.nextAt?.toISOString() ?? null)}::timestamptz[], ${outcomes.map((o) => (o.notATry ? 1 : 0))}::int[])
        as o(street_id, id, status, error, next_at, not_a_try)
      where m.street_id = o.street_id and m.id = o.id and m.status = 'sending' and m.owner_instance = ${kernel.instance}`.execute(tx);
    for (const o of outcomes) {
      if (!o.consent) continue;
      await tx
        .updateTable('notify_wechat_consents')
        .set((eb) => ({ remaining: o.consent!.effect === 'gone' ? 0 : sql<number>`greatest(${eb.ref('remaining')} - 1, 0)`, updated_at: now }))
        .where('account_id', '=', o.message.account_id)
        .where('template', '=', o.consent.template)
        .execute();
    }
  });
}

/** Every second: a message committed now is on its way within a second or two. */
export const deliveryJob: Job = { name: 'notify.deliver', everyMs: 1000, run: deliverDue };
