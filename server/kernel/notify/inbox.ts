import type { Ctx } from '../context.ts';
import { CommonErrors } from '../errors.ts';
import { offsetOf, type Page, type PageQuery } from '../pagination.ts';
import { fill, notificationTemplate, textIn } from './notify.ts';

export interface InboxItem {
  id: string;
  template: string;
  title: string;
  body: string;
  link: string | null;
  urgent: boolean;
  at: Date;
  readAt: Date | null;
}

/**
 * The signed-in person's in-app messages, newest first, rendered in their language. Everyone has an
 * inbox — residents on the H5, staff under the workbench's bell — and sees only their own.
 */
export async function listInbox(ctx: Ctx, q: PageQuery & { unread?: boolean }): Promise<Page<InboxItem> & { unread: number }> {
  const base = ctx.kernel.db
    .selectFrom('notify_messages as m')
    .innerJoin('notify_batches as b', (j) => j.onRef('b.street_id', '=', 'm.street_id').onRef('b.id', '=', 'm.batch_id'))
    .where('m.account_id', '=', ctx.actor.accountId)
    .where('m.channel', '=', 'inbox')
    .$if(!!q.unread, (qb) => qb.where('m.read_at', 'is', null));
  const [rows, total, unread] = await Promise.all([
    base
      .select(['m.id', 'b.template', 'b.data', 'b.urgent', 'm.sent_at', 'm.read_at'])
      .orderBy('m.sent_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unreadCount(ctx),
  ]);
  const items = rows.map((r) => {
    const t = notificationTemplate(r.template);
    const data = (r.data ?? {}) as Record<string, unknown>;
    return {
      id: r.id,
      template: r.template,
      title: t ? fill(textIn(t.title, ctx.actor.locale), data) : r.template,
      body: t ? fill(textIn(t.body, ctx.actor.locale), data) : '',
      link: t?.link ? fill(t.link, data) : null,
      urgent: r.urgent,
      at: r.sent_at!,
      readAt: r.read_at,
    };
  });
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize, unread };
}

/** How many of the person's in-app messages are unread: the bell's badge, polled. */
export async function unreadCount(ctx: Ctx): Promise<number> {
  const row = await ctx.kernel.db
    .selectFrom('notify_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', ctx.actor.accountId)
    .where('channel', '=', 'inbox')
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks one of the person's messages read (another's is not found), or all of them. A read receipt of
 * one's own message changes nobody's data: the row itself records when (the allow-list in server/app.ts).
 */
export async function markRead(ctx: Ctx, which: { id: string } | 'all'): Promise<{ unread: number }> {
  const now = ctx.kernel.clock.now();
  const q = ctx.kernel.db
    .updateTable('notify_messages')
    .set({ read_at: now })
    .where('account_id', '=', ctx.actor.accountId)
    .where('channel', '=', 'inbox')
    .where('read_at', 'is', null);
  if (which === 'all') await q.execute();
  else {
    const found = await ctx.kernel.db
      .selectFrom('notify_messages')
      .select('id')
      .where('id', '=', which.id)
      .where('account_id', '=', ctx.actor.accountId)
      .where('channel', '=', 'inbox')
      .executeTakeFirst();
    if (!found) throw CommonErrors.NOT_FOUND({ what: ctx.actor.locale === 'en' ? 'message' : '消息' });
    await q.where('id', '=', which.id).execute();
  }
  return { unread: await unreadCount(ctx) };
}
