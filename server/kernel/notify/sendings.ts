import { sql } from 'kysely';
import { scopePrefixes } from '../access/actor.ts';
import { pathLabel } from '../access/places.ts';
import type { StaffRole } from '../access/roles.ts';
import { placeInScope } from '../access/scope.ts';
import type { Ctx } from '../context.ts';
import type { NotifyChannel, NotifyStatus } from '../db/tables.ts';
import { containing } from '../db/like.ts';
import { CommonErrors } from '../errors.ts';
import { offsetOf, type Page, type PageQuery, type SortedBy, sortable } from '../pagination.ts';
import { fill, notificationTemplate, notificationTemplates, textIn } from './notify.ts';

/**
 * Who may see what was sent at a place and how it went: those who answer for telling residents there.
 * The sender always sees their own sendings.
 */
export const SENDING_READERS: readonly StaffRole[] = [
  'platform_admin',
  'street_official',
  'property_committee_member',
  'community_secretary',
  'committee_staff',
  'property_manager',
];

export const SendingsSort = sortable(
  { createdAt: 'b.created_at', template: 'b.template', recipients: 'b.recipients' },
  { sort: 'createdAt', order: 'desc' },
  'b.id',
);

type Counts = Partial<Record<NotifyChannel, Partial<Record<NotifyStatus, number>>>>;

function visibleSendings(ctx: Ctx) {
  return ctx.kernel.db
    .selectFrom('notify_batches as b')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'b.street_id').onRef('p.id', '=', 'b.place_id'))
    .leftJoin('accounts as c', 'c.id', 'b.created_by')
    .where((eb) => eb.or([placeInScope(sql.ref('b.place_id'), scopePrefixes(ctx.actor, SENDING_READERS)), eb('b.created_by', '=', ctx.actor.accountId)]));
}

const present = (ctx: Ctx, r: { template: string; data: unknown }) => {
  const t = notificationTemplate(r.template);
  return {
    label: t ? textIn(t.label, ctx.actor.locale) : r.template,
    title: t ? fill(textIn(t.title, ctx.actor.locale), (r.data ?? {}) as Record<string, unknown>) : r.template,
  };
};

/** What was sent in the actor's places (newest first), with how each channel went. */
export async function listSendings(ctx: Ctx, q: PageQuery & SortedBy<typeof SendingsSort> & { template?: string; q?: string }): Promise<Page<unknown>> {
  const base = visibleSendings(ctx)
    .$if(!!q.template, (qb) => qb.where('b.template', '=', q.template!))
    .$if(!!q.q, (qb) => qb.where(sql`b.data::text`, 'ilike', containing(q.q!)));
  const [rows, total] = await Promise.all([
    SendingsSort.orderBy(base, q)
      .select([
        'b.id',
        'b.template',
        'b.data',
        'b.urgent',
        'b.channels',
        'b.recipients',
        'b.created_at as createdAt',
        'c.display_name as createdBy',
        'b.subject_type as subjectType',
        'b.subject_id as subjectId',
        pathLabel('p.path', ['community', 'compound', 'building']).as('placeLabel'),
        'p.name as placeName',
      ])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const counts = await statusCounts(ctx, rows.map((r) => r.id));
  const items = rows.map(({ data, ...r }) => ({ ...r, ...present(ctx, { template: r.template, data }), counts: counts.get(r.id) ?? {} }));
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize, sort: q.sort ?? SendingsSort.defaults.sort, order: q.order ?? SendingsSort.defaults.order };
}

async function statusCounts(ctx: Ctx, batchIds: string[]): Promise<Map<string, Counts>> {
  if (batchIds.length === 0) return new Map();
  const rows = await ctx.kernel.db
    .selectFrom('notify_messages')
    .select(['batch_id', 'channel', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batch_id', 'in', batchIds)
    .groupBy(['batch_id', 'channel', 'status'])
    .execute();
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const counts = out.get(r.batch_id) ?? {};
    (counts[r.channel] ??= {})[r.status] = Number(r.n);
    out.set(r.batch_id, counts);
  }
  return out;
}

/**
 * One sending: the counts per channel and status, and the messages not delivered with why (muted, no
 * phone, no WeChat consent, the provider's code) — the recipients' names only, never their numbers.
 */
export async function getSending(ctx: Ctx, id: string) {
  const row = await visibleSendings(ctx)
    .select(['b.id', 'b.template', 'b.data', 'b.urgent', 'b.channels', 'b.recipients', 'b.created_at as createdAt', 'c.display_name as createdBy', 'p.name as placeName'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  if (!row) throw CommonErrors.NOT_FOUND({ what: ctx.actor.locale === 'en' ? 'sending' : '发送记录' });
  const [counts, undelivered] = await Promise.all([
    statusCounts(ctx, [id]),
    ctx.kernel.db
      .selectFrom('notify_messages as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['m.id', 'm.channel', 'm.status', 'm.error', 'm.attempts', 'm.next_attempt_at as nextAttemptAt', 'a.display_name as name'])
      .where('m.batch_id', '=', id)
      .where('m.status', 'in', ['failed', 'skipped', 'uncertain', 'queued'])
      .orderBy('m.status')
      .orderBy('m.id')
      .limit(200)
      .execute(),
  ]);
  const { data, ...rest } = row;
  return { ...rest, ...present(ctx, { template: row.template, data }), counts: counts.get(id) ?? {}, undelivered };
}

/** The kinds of message, for filters and the settings page. */
export const templateCatalogue = (ctx: Ctx) =>
  notificationTemplates().map((t) => ({ key: t.key, label: textIn(t.label, ctx.actor.locale), sms: !!t.sms, wechat: !!t.wechat }));
