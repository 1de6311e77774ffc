import type { Ctx } from '../../../kernel/context.ts';
import { ResidentListQuery } from '../opinions.schemas.ts';
import { listCompoundOpinions } from './list-opinions.ts';

/** The query of the web's home section (RecentOpinionsSection), which the home primes. */
export const HOME_OPINIONS_QUERY = { page: 1, pageSize: 3 } as const;

/** For the resident's home (GET /api/me/home): the newest public posts of my compounds. */
export async function opinionsHomeSection(ctx: Ctx) {
  return { compoundOpinions: await listCompoundOpinions(ctx, ResidentListQuery.parse(HOME_OPINIONS_QUERY)) };
}
