import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../volunteers.db.ts';
import type { RewardBody, RewardUpdateBody } from '../volunteers.registry.schemas.ts';
import { managedPlace } from './registry-access.ts';
import { rewardFor } from './rewards-access.ts';

/** Lists a reward at a community or compound the actor manages: name, points, stock, offered or not. Audited. */
export async function createReward(ctx: Ctx, body: RewardBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const place = await managedPlace(tx, ctx, body.placeId);
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('vol_rewards')
      .values({
        street_id: place.street_id,
        id,
        place_id: place.id,
        name: body.name,
        description: body.description,
        points: body.points,
        stock: body.stock,
        active: body.active,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, ctx, { action: 'volunteers.rewards.created', placeId: place.id, subjectType: 'vol_reward', subjectId: id, detail: { name: body.name, points: body.points, stock: body.stock } });
    return { id };
  });
}

/** Changes a reward: its name, points, stock (set, e.g. restocked) or whether it is offered. Audited. */
export async function updateReward(ctx: Ctx, id: string, body: RewardUpdateBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const r = await rewardFor(tx, ctx, id, true, true);
    await tx
      .updateTable('vol_rewards')
      .set({ name: body.name, description: body.description, points: body.points, stock: body.stock, active: body.active, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', r.streetId)
      .where('id', '=', r.id)
      .execute();
    await audit(tx, ctx, {
      action: 'volunteers.rewards.updated',
      placeId: r.placeId,
      subjectType: 'vol_reward',
      subjectId: r.id,
      detail: { name: body.name, points: [r.points, body.points], stock: [r.stock, body.stock], active: body.active },
    });
    return { id: r.id };
  });
}
