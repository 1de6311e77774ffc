import { sql, type SqlBool } from 'kysely';
import { can, findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { countResidentAccountsUnder } from '../../registry/index.ts';
import { NoticeErrors } from '../notices.errors.ts';
import { NoticesPolicy, staffFilter } from '../notices.policy.ts';
import { listNotices as queryNotices } from '../notices.repository.ts';
import type { NoticesQuery } from '../notices.schemas.ts';
import { presentForStaff, todayOf, withAttachments } from './load-notice.ts';
import { containing } from '../../../kernel/db/like.ts';
import { read } from '../notices.db.ts';

const ANY_NOTICE_ROLE = [...new Set([...NoticesPolicy.read, ...NoticesPolicy.publishOfficial, ...NoticesPolicy.publishProperty])];

/** The workbench list: notices in the actor's scope, filtered in SQL, with read counts and reach. */
export async function listNotices(ctx: Ctx, q: NoticesQuery) {
  const db = read(ctx);
  const today = todayOf(ctx);
  const parts = [staffFilter(ctx.actor)];
  if (q.placeId) {
    const place = await findPlace(db, q.placeId);
    if (!place || !can(ctx.actor, ANY_NOTICE_ROLE, place.path)) throw NoticeErrors.PLACE_NOT_FOUND();
    parts.push(sql<SqlBool>`place.path like ${`${place.path}%`}`);
  }
  if (q.category) parts.push(sql<SqlBool>`n.category = ${q.category}`);
  if (q.status === 'draft' || q.status === 'withdrawn') parts.push(sql<SqlBool>`n.status = ${q.status}`);
  if (q.status === 'published') {
    parts.push(sql<SqlBool>`(n.status = 'published' and n.valid_from <= ${today}::date and (n.valid_until is null or n.valid_until >= ${today}::date))`);
  }
  if (q.status === 'scheduled') parts.push(sql<SqlBool>`(n.status = 'published' and n.valid_from > ${today}::date)`);
  if (q.status === 'expired') parts.push(sql<SqlBool>`(n.status = 'published' and n.valid_until < ${today}::date)`);
  if (q.q) {
    const like = containing(q.q);
    parts.push(sql<SqlBool>`(n.title ilike ${like} or n.body ilike ${like})`);
  }
  const page = await queryNotices(db, q, ctx.actor.accountId, sql<SqlBool>`(${sql.join(parts, sql` and `)})`);
  const attachments = await withAttachments(db, page.items);
  // Reach per distinct place (a page holds few places).
  const reach = new Map<string, number>();
  for (const path of new Set(page.items.map((n) => n.place_path))) reach.set(path, await countResidentAccountsUnder(db, path));
  return { ...page, items: page.items.map((n) => presentForStaff(ctx, n, attachments, reach.get(n.place_path) ?? null)) };
}
