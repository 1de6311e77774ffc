import type { Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { REGISTERED_SHARE_TARGET, registeredShareParts } from '../../volunteers/index.ts';
import { read } from '../grid.db.ts';
import { readableDeclaration } from './emergency-access.ts';

/** The volunteer reserve of the declaration's place: approved volunteers ÷ residents, against the 15% target. */
export async function volunteerReserve(ctx: Ctx, id: string): Promise<{ volunteers: number; residents: number; share: number | null; target: number }> {
  const db = read(ctx);
  const d = await readableDeclaration(db, ctx, id);
  const now = ctx.kernel.clock.now();
  const parts = await registeredShareParts(db, d.streetId, [d.placeKind], chinaDay(now), new Date(now.getTime() + 1));
  const p = parts.find((x) => x.placeId === d.placeId);
  const volunteers = p?.numerator ?? 0;
  const residents = p?.denominator ?? 0;
  return { volunteers, residents, share: residents ? volunteers / residents : null, target: REGISTERED_SHARE_TARGET };
}
