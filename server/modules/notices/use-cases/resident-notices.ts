import { sql, type SqlBool } from 'kysely';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read } from '../notices.db.ts';
import { NoticeErrors } from '../notices.errors.ts';
import { residentFilter } from '../notices.policy.ts';
import { countWhere, listResidentNotices } from '../notices.repository.ts';
import type { MyNoticesQuery } from '../notices.schemas.ts';
import { loadNoticeFor, myPlaceIds, presentForResident, todayOf } from './load-notice.ts';

const unread = (accountId: string) => sql<SqlBool>`not exists (select 1 from ntc_reads r where r.notice_id = n.id and r.account_id = ${accountId})`;

/** The notices that concern my rooms today (pinned first), optionally only the unread ones. */
export async function listMyNotices(ctx: Ctx, q: MyNoticesQuery) {
  const db = read(ctx);
  const placeIds = await myPlaceIds(db, ctx);
  const mine = residentFilter(placeIds, todayOf(ctx));
  const where = q.unread ? sql<SqlBool>`(${mine} and ${unread(ctx.actor.accountId)})` : mine;
  const page = await listResidentNotices(db, q, ctx.actor.accountId, where);
  return { ...page, items: page.items.map((n) => presentForResident(n, n.attachments)) };
}

/** How many of the notices that concern me today I have not opened yet. */
export async function myUnreadCount(ctx: Ctx) {
  const db = read(ctx);
  const placeIds = await myPlaceIds(db, ctx);
  return { count: await countWhere(db, sql<SqlBool>`(${residentFilter(placeIds, todayOf(ctx))} and ${unread(ctx.actor.accountId)})`) };
}

/**
 * A resident opens a notice: the first opening is their read receipt (counted for the publisher,
 * audited); later ones change nothing.
 */
export async function markNoticeRead(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const n = await loadNoticeFor(tx, ctx, id);
    if (!n.resident) throw NoticeErrors.NOT_FOR_ME();
    const inserted = await tx
      .insertInto('ntc_reads')
      .values({ street_id: n.row.street_id, notice_id: id, account_id: ctx.actor.accountId, read_at: ctx.kernel.clock.now() })
      .onConflict((oc) => oc.doNothing())
      .returning('notice_id')
      .executeTakeFirst();
    if (inserted) {
      await audit(tx, ctx, { action: 'notices.notice.read', placeId: n.row.place_id, subjectType: 'notice', subjectId: id });
    }
    return { read: true, firstRead: !!inserted };
  });
}
