import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { read } from '../volunteers.db.ts';
import { holdsAnywhere, placeFilter } from '../volunteers.policy.ts';

export interface TaskPlace {
  id: string;
  name: string;
  kind: 'community' | 'compound';
}

/** The communities and compounds the actor may post tasks to (the form's choices): communities first, then by name. */
export async function listTaskPlaces(ctx: Ctx): Promise<TaskPlace[]> {
  if (!holdsAnywhere(ctx.actor, 'tasksManage')) throw CommonErrors.FORBIDDEN();
  return (await read(ctx)
    .selectFrom('street_places as p')
    .select(['p.id', 'p.name', 'p.kind'])
    .where('p.kind', 'in', ['community', 'compound'])
    .where(placeFilter(ctx.actor, 'tasksManage', 'p.id', 'p.path'))
    .orderBy(sql`case p.kind when 'community' then 0 else 1 end`)
    .orderBy('p.path')
    .limit(500)
    .execute()) as TaskPlace[];
}
