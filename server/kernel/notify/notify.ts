import { type Expression, sql } from 'kysely';
import { findPlace, streetOf } from '../access/places.ts';
import { isSystem } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import type { Ctx, Kernel } from '../context.ts';
import type { Executor, Tx } from '../db/index.ts';
import type { NotifyChannel } from '../db/tables.ts';
import { newId } from '../ids.ts';

/** A text in both languages; `{name}` placeholders are filled from the sending's data. */
export interface LocalText {
  zh: string;
  en: string;
}

/**
 * What a module can say to people, declared in its manifest (`notifications.templates`). The in-app
 * inbox always carries it; SMS only when the template has an SMS text, WeChat only when it maps to a
 * WeChat subscribe template's fields.
 */
export interface NotificationTemplate {
  /** `<module>.<name>`, e.g. `notices.published`. */
  key: string;
  /** Inbox title and body. */
  title: LocalText;
  body: LocalText;
  /** The text message; the carrier's signature 【共治】 is added. */
  sms?: LocalText;
  /** WeChat subscribe template fields, e.g. `{ thing1: '{title}', time2: '{at}' }` (thing fields ≤ 20 characters: cut). */
  wechat?: Record<string, string>;
  /** Where the message leads (an H5 or workbench path with placeholders). */
  link?: string;
  /** What the person sees in their settings for this kind of message. */
  label: LocalText;
}

/** The accounts of a place's audience: a query whose rows carry `account_id`. */
export type AudienceQuery = Expression<{ account_id: string }>;

/**
 * A group of people a module knows how to find at a place (the registry: the residents, the owners), so
 * other modules can notify "the residents of compound X" without reading the registry's tables. The
 * query runs inside the sender's `insert … select`: a batch to 164,253 households is one statement.
 */
export interface Audience {
  /** `<module>.<name>`, e.g. `registry.residents`. */
  key: string;
  accounts(db: Executor, place: { id: string; path: string; streetId: string }): AudienceQuery;
}

/** A module's part of the notification service (its manifest's `notifications`). */
export interface NotificationsDeclaration {
  templates?: NotificationTemplate[];
  audiences?: Audience[];
}

const templates = new Map<string, NotificationTemplate>();
const audiences = new Map<string, Audience>();

/** Registers a module's templates and audiences; keys are the module's own and unique (a clash stops the start). */
export function registerNotifications(moduleName: string, declaration: NotificationsDeclaration): void {
  for (const [kind, list, into] of [
    ['template', declaration.templates ?? [], templates],
    ['audience', declaration.audiences ?? [], audiences],
  ] as const) {
    for (const item of list) {
      if (!item.key.startsWith(`${moduleName}.`)) throw new Error(`Notification ${kind} ${item.key} must start with its module's name (${moduleName}.)`);
      const known = into.get(item.key);
      if (known && known !== item) throw new Error(`Notification ${kind} ${item.key} is declared twice`);
      (into as Map<string, typeof item>).set(item.key, item);
    }
  }
}

export const notificationTemplate = (key: string): NotificationTemplate | undefined => templates.get(key);
export const notificationTemplates = (): NotificationTemplate[] => [...templates.values()];

/**
 * Whom a sending reaches: accounts by id, the accounts of registry persons, a module's audience at the
 * place, or the holders of roles whose grants cover the place.
 */
export type Recipients = { accounts: readonly string[] } | { persons: readonly string[] } | { audience: string } | { roles: readonly Role[] };

export interface NotifyInput {
  template: string;
  /** Where the sending belongs (its street, and who among the staff may see it was sent). */
  placeId: string;
  to: Recipients;
  data?: Record<string, string | number>;
  /** Defaults: the inbox, and WeChat when the template maps to WeChat; SMS only when asked for. */
  channels?: readonly NotifyChannel[];
  /** Urgent messages (an emergency) come through quiet hours and muted channels. */
  urgent?: boolean;
  subject?: { type: string; id: string };
}

/**
 * Queues a message to every recipient on each channel, in the caller's transaction: if the caller's
 * change rolls back, nobody is told; once it commits, the inbox has it and the delivery job
 * (deliver.ts) carries the SMS and WeChat copies. Disabled accounts and duplicates are left out.
 */
export async function notify(tx: Tx, ctx: Ctx, input: NotifyInput): Promise<{ batchId: string; recipients: number }> {
  const template = templates.get(input.template);
  if (!template) throw new Error(`No notification template ${input.template}`);
  const place = await findPlace(tx, input.placeId);
  if (!place) throw new Error(`No place ${input.placeId}`);
  const streetId = streetOf(place);
  const channels = (input.channels ?? (template.wechat ? ['inbox', 'wechat'] : ['inbox'])).filter(
    (c) => c === 'inbox' || (c === 'sms' && !!template.sms) || (c === 'wechat' && !!template.wechat),
  );
  const now = ctx.kernel.clock.now();
  const batchId = newId();
  await tx
    .insertInto('notify_batches')
    .values({
      street_id: streetId,
      id: batchId,
      template: template.key,
      data: JSON.stringify(input.data ?? {}),
      place_id: place.id,
      subject_type: input.subject?.type ?? null,
      subject_id: input.subject?.id ?? null,
      urgent: input.urgent ?? false,
      channels,
      created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      created_at: now,
    })
    .execute();
  const recipients = recipientQuery(tx, input.to, { id: place.id, path: place.path, streetId });
  // One statement however many recipients: the messages, then the batch's count of people reached (a
  // data-modifying CTE runs whether or not it is read).
  const { rows } = await sql<{ n: number }>`
    with reached as (
      select distinct r.account_id from (${recipients}) r
      join accounts a on a.id = r.account_id and not a.disabled
    ), queued as (
      insert into notify_messages (street_id, id, batch_id, account_id, channel, status, next_attempt_at, sent_at)
      select ${streetId}::uuid, gz_uuid_v7(${now}::timestamptz), ${batchId}::uuid, reached.account_id, c.channel,
             case when c.channel = 'inbox' then 'sent' else 'queued' end, ${now}::timestamptz,
             case when c.channel = 'inbox' then ${now}::timestamptz end
      from reached cross join unnest(${channels}::text[]) as c(channel)
      returning 1
    )
    update notify_batches set recipients = (select count(*) from reached)
    where street_id = ${streetId} and id = ${batchId}
    returning recipients as n`.execute(tx);
  return { batchId, recipients: Number(rows[0]?.n ?? 0) };
}

function recipientQuery(db: Executor, to: Recipients, place: { id: string; path: string; streetId: string }): AudienceQuery {
  if ('accounts' in to) return sql<{ account_id: string }>`select unnest(${[...to.accounts]}::uuid[]) as account_id`;
  if ('persons' in to) return sql<{ account_id: string }>`select id as account_id from accounts where person_id = any(${[...to.persons]}::uuid[])`;
  if ('audience' in to) {
    const audience = audiences.get(to.audience);
    if (!audience) throw new Error(`No audience ${to.audience}`);
    return audience.accounts(db, place);
  }
  // Everyone whose grant of one of the roles covers the place (a grant covers its place's subtree).
  return sql<{ account_id: string }>`select g.account_id from grants g join places gp on gp.id = g.place_id
    where g.role = any(${[...to.roles]}::text[]) and ${place.path} like gp.path || '%'`;
}

/** Fills `{name}` placeholders; an unknown name is left as it is, so a template mistake shows rather than hides. */
export function fill(text: string, data: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (data[name] === undefined || data[name] === null ? whole : String(data[name])));
}

export const textIn = (text: LocalText, locale: string): string => (locale === 'en' ? text.en : text.zh);

/** The carriers' rule: every text message starts with the sender's registered signature. */
export const SMS_SIGNATURE = '【共治】';

/**
 * Sends a text at once to a phone number that has no account yet (a sign-up code), outside the outbox:
 * the code must not wait behind a batch of a hundred thousand, must not be stored where it could be read
 * back, and belongs to no street. The template and the SMS channel are the service's; the caller audits.
 */
export async function sendNow(kernel: Kernel, to: { phone: string }, key: string, data: Record<string, string | number>, locale = 'zh-CN'): Promise<void> {
  const template = templates.get(key);
  if (!template?.sms) throw new Error(`No SMS template ${key}`);
  await kernel.sms.send(to.phone, SMS_SIGNATURE + fill(textIn(template.sms, locale), data));
}

/**
 * Withdraws what a module said and no longer needs to (a payment makes the reminders for the room moot): the
 * messages of the given batches still queued — not yet claimed by the delivery job — are skipped with the error
 * 'cancelled', in the caller's transaction. What is being sent or was sent stays as it is, and the inbox copy
 * (sent at once) stays too: cancelling cannot call a text back. Answers how many were withdrawn.
 */
export async function cancelQueued(tx: Tx, input: { streetId: string; batchIds: readonly string[] }): Promise<number> {
  if (input.batchIds.length === 0) return 0;
  const done = await tx
    .updateTable('notify_messages')
    .set({ status: 'skipped', error: 'cancelled' })
    .where('street_id', '=', input.streetId)
    .where('batch_id', 'in', [...input.batchIds])
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(done.numUpdatedRows);
}
