import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../grid.db.ts';
import { allows, placeFilter } from '../grid.policy.ts';

export interface SocialPlace {
  id: string;
  name: string;
  kind: 'street' | 'community';
  /** May register organisations there (socialManage). */
  manages: boolean;
  /** May open rounds there (ventureApprove). */
  approves: boolean;
}

/** The streets and communities under the actor's socialRead grants: where organisations and rounds may belong. */
export async function socialPlaces(ctx: Ctx): Promise<{ items: SocialPlace[] }> {
  const rows = await read(ctx)
    .selectFrom('street_places as p')
    .select(['p.id', 'p.name', 'p.kind', 'p.path'])
    .where('p.kind', 'in', ['street', 'community'])
    .where(placeFilter(ctx.actor, 'socialRead', 'p.id', 'p.path'))
    .orderBy('p.path')
    .limit(500)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as 'street' | 'community', manages: allows(ctx.actor, 'socialManage', r.path), approves: allows(ctx.actor, 'ventureApprove', r.path) })) };
}
