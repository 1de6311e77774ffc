import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { placeFilter } from '../registry.policy.ts';
import { listPositions as queryPositions } from '../registry.repository.ts';
import type { PositionsQuery } from '../registry.schemas.ts';
import { read } from '../registry.db.ts';

/** Positions in organisations the actor may see. */
export async function listPositions(ctx: Ctx, q: PositionsQuery) {
  return queryPositions(read(ctx), q, sql`${placeFilter(ctx.actor, 'readOrganisations', 'reg_organisations.place_id')}`);
}
