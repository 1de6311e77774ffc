import { sql } from 'kysely';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CLAIM_MINUTES, HOUSEHOLD_STATUS_ZH, type HouseholdStatus, REVISITABLE } from '../grid.emergency.constants.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import { type Tx, write } from '../grid.db.ts';
import { accountOf, activeDeclaration, chinaTime, type HouseholdRow, householdById, isAssigned, nameOf } from './emergency-access.ts';

/** The household a visitor may act on: it exists, the visitor is assigned its building, its declaration is active. */
export async function visitorsHousehold(tx: Tx, ctx: Ctx, id: string): Promise<{ h: HouseholdRow; accountId: string; placeId: string }> {
  const h = await householdById(tx, id);
  if (!h) throw EmergencyErrors.HOUSEHOLD_NOT_FOUND();
  const accountId = accountOf(ctx);
  if (!accountId || !(await isAssigned(tx, h.streetId, h.screeningId, h.buildingId, accountId))) throw EmergencyErrors.NOT_ASSIGNED();
  const d = await activeDeclaration(tx, h.declarationId);
  return { h, accountId, placeId: d.placeId };
}

/** Why a conditional update on a household found nothing: it is final, or another visitor holds it. */
export async function refusal(tx: Tx, id: string): Promise<never> {
  const now = await tx.selectFrom('grid_emergency_households').select(['status', 'claimed_name', 'claimed_until']).where('id', '=', id).executeTakeFirstOrThrow();
  if (!REVISITABLE.includes(now.status)) throw EmergencyErrors.HOUSEHOLD_FINAL({ status: HOUSEHOLD_STATUS_ZH[now.status as HouseholdStatus] });
  throw EmergencyErrors.HOUSEHOLD_HELD({ name: now.claimed_name, until: now.claimed_until ? chinaTime(now.claimed_until) : '' });
}

/**
 * 「开始入户」: a visitor assigned the household's building claims it for CLAIM_MINUTES, in one conditional update —
 * only while it is pending or nobody was home, and nobody else holds a live claim (their lease has run out, or it is
 * the visitor's own: claiming again extends it). Another visitor's claim on a held household is HOUSEHOLD_HELD. Audited.
 */
export async function claimHousehold(ctx: Ctx, id: string): Promise<{ id: string; claimedUntil: Date }> {
  return write(ctx, async (tx) => {
    const { h, accountId, placeId } = await visitorsHousehold(tx, ctx, id);
    const now = ctx.kernel.clock.now();
    const until = new Date(now.getTime() + CLAIM_MINUTES * 60_000);
    const done = await tx
      .updateTable('grid_emergency_households')
      .set({ claimed_by: accountId, claimed_name: nameOf(ctx), claimed_until: until })
      .where('street_id', '=', h.streetId)
      .where('id', '=', id)
      .where('status', 'in', [...REVISITABLE])
      .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', accountId), eb('claimed_until', '<=', now)]))
      .returning(['building', 'unit', 'room'])
      .executeTakeFirst();
    if (!done) return refusal(tx, id);
    await audit(tx, ctx, { action: 'grid.emergency.claimed', placeId, subjectType: 'grid_emergency_household', subjectId: id, detail: { room: `${done.building}${done.unit}${done.room}` } });
    return { id, claimedUntil: until };
  });
}

export const liveClaimBy = (accountId: string, now: Date) => sql<boolean>`(claimed_by is null or claimed_until <= ${now} or (claimed_by = ${accountId} and claimed_until > ${now}))`;
