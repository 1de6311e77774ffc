import { sql, type SqlBool } from 'kysely';
import { can, findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import type { PageQuery } from '../../../kernel/pagination.ts';
import { ADDRESSEE_ROLES, OpinionsPolicy, residentFilter, staffFilter } from '../opinions.policy.ts';
import { listForResident, listOpinions } from '../opinions.repository.ts';
import type { InboxQuery, ResidentListQuery } from '../opinions.schemas.ts';
import { authorBadges, compoundIdsOf, myRooms, presentRow } from './load-opinion.ts';
import { read } from '../opinions.db.ts';

const ANY_OPINION_ROLE = [...new Set([...OpinionsPolicy.readPublic, ...Object.values(ADDRESSEE_ROLES).flat()])];

/** The staff inbox: every opinion the actor's grants show, filtered and paged in SQL. */
export async function listInbox(ctx: Ctx, q: InboxQuery) {
  const db = read(ctx);
  let underPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(db, q.placeId);
    if (!place || !can(ctx.actor, ANY_OPINION_ROLE, place.path)) throw OpinionErrors.PLACE_NOT_FOUND();
    underPath = place.path;
  }
  const page = await listOpinions(db, { ...q, underPath }, staffFilter(ctx.actor), ctx.actor.personId);
  const badges = await authorBadges(db, page.items);
  return { ...page, items: page.items.map((row) => presentRow(ctx, row, [], badges)) };
}

/** A resident's view of their compounds' public posts (not hidden), newest first. */
export async function listCompoundOpinions(ctx: Ctx, q: ResidentListQuery) {
  const db = read(ctx);
  const rooms = await myRooms(db, ctx);
  let compoundIds = compoundIdsOf(rooms);
  if (q.compoundId) compoundIds = compoundIds.filter((id) => id === q.compoundId);
  if (!ctx.actor.personId || compoundIds.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const filter = sql<SqlBool>`(o.visibility = 'public' and o.hidden_at is null and o.place_id = any(${compoundIds}::uuid[]))`;
  const page = await listForResident(db, q, filter, ctx.actor.personId);
  const badges = await authorBadges(db, page.items);
  return { ...page, items: page.items.map((row) => presentRow(ctx, row, rooms, badges)) };
}

/** A resident's own posts, public and private, with answers and ratings. */
export async function listMyOpinions(ctx: Ctx, q: PageQuery) {
  const db = read(ctx);
  if (!ctx.actor.personId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const rooms = await myRooms(db, ctx);
  const page = await listForResident(db, q, residentFilter(ctx.actor.personId, []), ctx.actor.personId);
  const badges = await authorBadges(db, page.items);
  return { ...page, items: page.items.map((row) => presentRow(ctx, row, rooms, badges)) };
}
