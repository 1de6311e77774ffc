import type { Ctx } from '../../../kernel/context.ts';
import { MyNoticesQuery } from '../notices.schemas.ts';
import { listMyNotices } from './resident-notices.ts';

/** The H5 first page given by the web's home section (UnreadNoticesSection), which the home primes. */
export const HOME_NOTICES_QUERY = { page: 1, pageSize: 3, unread: 'true' } as const;

/** For the resident's home (GET /api/me/home): how many notices I have not read, and the newest three. */
export async function noticesHomeSection(ctx: Ctx) {
  // The page of unread notices counts them all in its total: the unread count, without another query.
  const page = await listMyNotices(ctx, MyNoticesQuery.parse(HOME_NOTICES_QUERY));
  return { unreadNotices: { count: page.total, page } };
}
