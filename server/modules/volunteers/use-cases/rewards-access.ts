import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { Executor } from '../volunteers.db.ts';
import { allows } from '../volunteers.policy.ts';
import { RegistryErrors } from '../volunteers.registry.errors.ts';
import { seesAt } from './registry-access.ts';

export function rewardRows(db: Executor) {
  return db
    .selectFrom('vol_rewards as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
    .select([
      'r.id',
      'r.street_id as streetId',
      'r.place_id as placeId',
      'p.name as placeName',
      'p.path as placePath',
      'r.name',
      'r.description',
      'r.points',
      'r.stock',
      'r.active',
      'r.created_at as createdAt',
    ]);
}

/** A reward the actor sees as staff (404 otherwise); 403 when managing is asked and not held at its place. */
export async function rewardFor(db: Executor, ctx: Ctx, id: string, manage: boolean, forUpdate = false) {
  const row = await rewardRows(db)
    .where('r.id', '=', id)
    .$if(forUpdate, (s) => s.forUpdate('r'))
    .executeTakeFirst();
  if (!row || !seesAt(ctx, row.placePath)) throw RegistryErrors.REWARD_NOT_FOUND();
  if (manage && !allows(ctx.actor, 'volunteersManage', row.placePath)) throw CommonErrors.FORBIDDEN();
  return row;
}
