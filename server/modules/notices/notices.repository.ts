import { type Expression, type SqlBool, sql, type Updateable } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { offsetOf, type Page, type PageQuery } from '../../kernel/pagination.ts';
import type { NtcNoticesTable } from './notices.tables.ts';

/** SQL for the notices module's own tables (and reads of the kernel's places). */

const placeLabel = pathLabel('place.path', ['street', 'community', 'grid', 'compound', 'building', 'unit']);

/** Every column of a notice with its place, read count and whether `accountId` has read it. */
/** `readCounts`: the staff's statistic; a resident's list never shows it, and counting every read costs. */
function baseSelect(db: Executor, accountId: string, readCounts = true) {
  return db
    .selectFrom('ntc_notices as n')
    .innerJoin('places as place', 'place.id', 'n.place_id')
    .selectAll('n')
    .select([
      'place.name as place_name',
      'place.kind as place_kind',
      'place.path as place_path',
      placeLabel.as('place_label'),
      (readCounts ? sql<number>`(select count(*) from ntc_reads r where r.notice_id = n.id)` : sql<number>`0`).as('read_count'),
      sql<boolean>`exists (select 1 from ntc_reads r where r.notice_id = n.id and r.account_id = ${accountId})`.as('read_by_me'),
    ]);
}
export type NoticeRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

export function findNotice(db: Executor, id: string, accountId: string, filter: Expression<SqlBool>) {
  return baseSelect(db, accountId).where('n.id', '=', id).where(filter).executeTakeFirst();
}

/** For writes: the notice row locked against concurrent changes. */
export function lockNotice(db: Executor, id: string) {
  return db.selectFrom('ntc_notices').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export type NoticeUpdate = Omit<Updateable<NtcNoticesTable>, 'id' | 'created_at'>;
export async function updateNotice(db: Executor, id: string, patch: NoticeUpdate) {
  await db.updateTable('ntc_notices').set(patch).where('id', '=', id).execute();
}

export function attachmentsOf(db: Executor, noticeIds: string[]) {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ntc_attachments')
    .select(['id', 'notice_id', 'name', 'mime', 'size', 'file_key', 'created_at'])
    .where('notice_id', 'in', noticeIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof attachmentsOf>>[number];

export async function countAttachments(db: Executor, noticeId: string): Promise<number> {
  const r = await db.selectFrom('ntc_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('notice_id', '=', noticeId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * A page of notices: pinned first, then the newest (by first valid day, then publication).
 * `extra` narrows further (status, place, search).
 */
export async function listNotices(db: Executor, q: PageQuery, accountId: string, where: Expression<SqlBool>, readCounts = true): Promise<Page<NoticeRow>> {
  const [items, total] = await Promise.all([
    baseSelect(db, accountId, readCounts)
      .where(where)
      .orderBy('n.pinned', 'desc')
      .orderBy('n.valid_from', 'desc')
      .orderBy(sql`coalesce(n.published_at, n.created_at)`, 'desc')
      .orderBy('n.id', 'desc')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    db
      .selectFrom('ntc_notices as n')
      .innerJoin('places as place', 'place.id', 'n.place_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export async function countWhere(db: Executor, where: Expression<SqlBool>): Promise<number> {
  const r = await db.selectFrom('ntc_notices as n').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow();
  return Number(r.n);
}
