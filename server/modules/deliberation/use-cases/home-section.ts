import type { Ctx } from '../../../kernel/context.ts';
import { MyItemsQuery } from '../items.schemas.ts';
import { listMyItems } from './my-items.ts';

/** The query of the web's home section, which the home primes. */
export const HOME_ITEMS_QUERY = { page: 1, pageSize: 3, stage: 'collecting,agenda,consulting' } as const;

/** For the resident's home (GET /api/me/home): the items of my places still gathering support or under way. */
export async function deliberationHomeSection(ctx: Ctx) {
  return { deliberationItems: await listMyItems(ctx, MyItemsQuery.parse(HOME_ITEMS_QUERY)) };
}
