import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { RegistryErrors } from '../volunteers.registry.errors.ts';
import { communityOf } from './registry-access.ts';
import { debitPoints, pointsOf } from './points-ledger.ts';
import { rewardRows } from './rewards-access.ts';

/** The acting volunteer's approved records with their community's path (rewards are offered per community). */
async function myCommunities(ctx: Ctx) {
  const personId = ctx.actor.personId;
  if (!personId) return [];
  const db = read(ctx);
  const rows = await db.selectFrom('vol_volunteers').select(['street_id as streetId', 'place_id as placeId']).where('person_id', '=', personId).where('status', '=', 'approved').execute();
  const out: { streetId: string; communityPath: string; communityName: string }[] = [];
  for (const r of rows) {
    const place = await findPlace(db, r.placeId);
    if (!place) continue;
    const community = await communityOf(db, place);
    out.push({ streetId: r.streetId, communityPath: community.path, communityName: community.name });
  }
  return out;
}

/**
 * The rewards the acting volunteer may redeem: those offered (active) in the community where they are an approved
 * volunteer, with stock, and their balance there. Nothing for a resident who is not an approved volunteer.
 */
export async function myRewards(ctx: Ctx) {
  const communities = await myCommunities(ctx);
  const db = read(ctx);
  const out = [];
  for (const c of communities) {
    const rewards = await rewardRows(db)
      .where('r.street_id', '=', c.streetId)
      .where('r.active', '=', true)
      .where('p.path', 'like', `${c.communityPath}%`)
      .orderBy('r.points')
      .orderBy('r.id')
      .execute();
    const { balance } = await pointsOf(db, c.streetId, ctx.actor.personId!);
    out.push({ communityName: c.communityName, balance, rewards: rewards.map(({ placePath: _p, streetId: _s, createdAt: _c, ...r }) => r) });
  }
  return { communities: out };
}

/**
 * Redeems a reward for the acting volunteer, in one transaction: the stock is taken by a conditional update (never
 * below zero), the points debited by another (never below zero: POINTS_INSUFFICIENT), the redemption recorded as the
 * ledger line's source, audited. Refused: an unknown or withdrawn reward, none left, not an approved volunteer of its
 * community, too few points — and then nothing is written.
 */
export async function redeemReward(ctx: Ctx, rewardId: string): Promise<{ id: string; balance: number; rewardName: string; points: number }> {
  const personId = ctx.actor.personId;
  if (!personId) throw VolunteersErrors.NOT_A_VOLUNTEER();
  return write(ctx, async (tx) => {
    const reward = await rewardRows(tx).where('r.id', '=', rewardId).executeTakeFirst();
    if (!reward) throw RegistryErrors.REWARD_NOT_FOUND();
    const volunteer = await tx
      .selectFrom('vol_volunteers as v')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
      .select(['v.status', 'p.path', 'v.person_name as personName'])
      .where('v.street_id', '=', reward.streetId)
      .where('v.person_id', '=', personId)
      .executeTakeFirst();
    if (!volunteer || volunteer.status !== 'approved') throw VolunteersErrors.NOT_A_VOLUNTEER();
    const rewardPlace = await findPlace(tx, reward.placeId);
    const community = await communityOf(tx, rewardPlace!);
    if (!volunteer.path.startsWith(community.path)) throw RegistryErrors.NOT_OF_COMMUNITY();
    if (!reward.active) throw RegistryErrors.REWARD_INACTIVE();
    const taken = await tx
      .updateTable('vol_rewards')
      .set({ stock: sql`stock - 1`, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', reward.streetId)
      .where('id', '=', reward.id)
      .where('stock', '>', 0)
      .where('active', '=', true)
      .returning(['points', 'name'])
      .executeTakeFirst();
    if (!taken) throw RegistryErrors.OUT_OF_STOCK({ name: reward.name });
    const id = newId();
    const balance = await debitPoints(tx, ctx, {
      streetId: reward.streetId,
      personId,
      placeId: reward.placeId,
      points: taken.points,
      source: { kind: 'redemption', id },
      note: taken.name,
    });
    await tx
      .insertInto('vol_redemptions')
      .values({
        street_id: reward.streetId,
        id,
        reward_id: reward.id,
        reward_name: taken.name,
        place_id: reward.placeId,
        person_id: personId,
        person_name: volunteer.personName,
        points: taken.points,
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'volunteers.rewards.redeemed', placeId: reward.placeId, subjectType: 'vol_redemption', subjectId: id, detail: { reward: taken.name, points: taken.points, balance } });
    return { id, balance, rewardName: taken.name, points: taken.points };
  });
}
