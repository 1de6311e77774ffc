import { type Expression, type SelectQueryBuilder, type SqlBool, sql, type Updateable } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import type { Executor } from './notices.db.ts';
import { offsetOf, type Page, type PageQuery, pageWithTotal, paginate, type SortedBy, totalInRow } from '../../kernel/pagination.ts';
import { NoticesSort } from './notices.schemas.ts';
import type { NtcNoticesTable } from './notices.tables.ts';

/** SQL for the notices module's own tables (and reads of the kernel's places). */

const placeLabel = pathLabel('place.path', ['street', 'community', 'grid', 'compound', 'building', 'unit']);

/** Every column of a notice with its place, read count and whether `accountId` has read it. */
/** `readCounts`: the staff's statistic; a resident's list never shows it, and counting every read costs. */
function baseSelect(db: Executor, accountId: string, readCounts = true) {
  return db
    .selectFrom('ntc_notices as n')
    .innerJoin('street_places as place', 'place.id', 'n.place_id')
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

/** The lists' default order (notices.schemas.ts): pinned first, then the newest. */
const newestFirst = <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) => NoticesSort.orderBy(query, {});

const countQuery = (db: Executor, where: Expression<SqlBool>) =>
  db
    .selectFrom('ntc_notices as n')
    .innerJoin('street_places as place', 'place.id', 'n.place_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();

/** A page of notices for the workbench, with read counts: pinned first, then the newest (by first valid day, then publication), unless sorted otherwise. */
export function listNotices(db: Executor, q: PageQuery & SortedBy<typeof NoticesSort>, accountId: string, where: Expression<SqlBool>): Promise<Page<NoticeRow>> {
  return paginate(q, NoticesSort.orderBy(baseSelect(db, accountId).where(where), q).limit(q.pageSize).offset(offsetOf(q)).execute(), countQuery(db, where));
}

export type AttachmentSummary = Pick<AttachmentRow, 'id' | 'notice_id' | 'name' | 'mime' | 'size'>;

/**
 * A page of a resident's notices, in the same order, without read counts. A resident's list is short,
 * so its total and each notice's attachments come in the same statement (one round trip for the page).
 */
export function listResidentNotices(db: Executor, q: PageQuery, accountId: string, where: Expression<SqlBool>) {
  return pageWithTotal(
    q,
    newestFirst(baseSelect(db, accountId, false).where(where))
      .select([
        totalInRow(),
        sql<AttachmentSummary[]>`coalesce((select json_agg(json_build_object('id', a.id, 'notice_id', a.notice_id, 'name', a.name, 'mime', a.mime, 'size', a.size)
          order by a.created_at, a.id) from ntc_attachments a where a.notice_id = n.id), '[]'::json)`.as('attachments'),
      ])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    () => countQuery(db, where),
  );
}

export async function countWhere(db: Executor, where: Expression<SqlBool>): Promise<number> {
  const r = await db.selectFrom('ntc_notices as n').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow();
  return Number(r.n);
}
