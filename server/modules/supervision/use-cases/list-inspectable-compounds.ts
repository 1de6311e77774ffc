import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../supervision.db.ts';
import { placeFilter } from '../supervision.policy.ts';

/** The compounds the actor may inspect (the start-an-inspection picker, made for a phone): name and community. */
export async function listInspectableCompounds(ctx: Ctx) {
  const rows = await read(ctx)
    .selectFrom('places as p')
    .leftJoin('places as parent', 'parent.id', 'p.parent_id')
    .select(['p.id', 'p.name', 'p.path', 'parent.name as parentName'])
    .where('p.kind', '=', 'compound')
    .where(placeFilter(ctx.actor, 'inspect', 'p.id', 'p.path'))
    .orderBy('p.path')
    .limit(500)
    .execute();
  return rows.map(({ path: _path, ...r }) => r);
}
