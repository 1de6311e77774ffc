import { holdsAny } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { currentPositions } from '../../registry/index.ts';
import type { Executor } from '../party.db.ts';

/**
 * The workplace party organisations (单位党组织) a liaison speaks for: those of the street in which the account's
 * person holds a position today. A `workplace_party_contact` grant says what a liaison may do; this says for whom —
 * every use case narrows a liaison's rows to these organisations (none: the grant alone shows nothing).
 */
export async function workplaceOrgsOf(db: Executor, ctx: Ctx, streetId: string): Promise<string[]> {
  const { actor } = ctx;
  if (!actor.personId || !holdsAny(actor, ['workplace_party_contact'])) return [];
  const held = await currentPositions(db, { streetId, day: chinaDay(ctx.kernel.clock.now()), personId: actor.personId });
  return [...new Set(held.filter((p) => p.partyLevel === 'workplace').map((p) => p.organisationId))];
}
