import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { sql } from 'kysely';
import { VolActivitiesErrors } from '../volunteers.activities.errors.ts';
import { type Executor, write } from '../volunteers.db.ts';
import { approvedVolunteer } from './volunteer-of-person.ts';

/** An activity as a resident reaches it by id (any street; the use case checks the volunteer of that street). */
export async function activityById(db: Executor, id: string) {
  const a = await db
    .selectFrom('vol_activities')
    .select(['street_id as streetId', 'id', 'place_id as placeId', 'title', 'starts_at as startsAt', 'ends_at as endsAt', 'capacity', 'signed_up as signedUp', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a) throw VolActivitiesErrors.ACTIVITY_NOT_FOUND();
  return a;
}

/**
 * An approved volunteer of the activity's street takes a seat. The seat is one conditional update of the activity's
 * counter (signed_up < capacity, still published): however many sign up at once, no more than the capacity get in,
 * and the rest are told ACTIVITY_FULL. Signing up again after cancelling revives the same sign-up. Audited.
 */
export async function signUp(ctx: Ctx, id: string): Promise<{ activityId: string; signupId: string; signedUp: number; capacity: number }> {
  return write(ctx, async (tx) => {
    const a = await activityById(tx, id);
    const v = await approvedVolunteer(tx, ctx, a.streetId);
    if (a.status !== 'published') throw VolActivitiesErrors.ACTIVITY_CLOSED();
    const now = ctx.kernel.clock.now();
    if (now >= a.endsAt) throw VolActivitiesErrors.SIGN_UP_CLOSED();
    const existing = await tx
      .selectFrom('vol_activity_signups')
      .select(['id', 'status'])
      .where('street_id', '=', a.streetId)
      .where('activity_id', '=', a.id)
      .where('person_id', '=', v.personId)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'signed_up') throw VolActivitiesErrors.ALREADY_SIGNED_UP();
    const seat = await tx
      .updateTable('vol_activities')
      .set({ signed_up: sql`signed_up + 1`, updated_at: now })
      .where('street_id', '=', a.streetId)
      .where('id', '=', a.id)
      .where('status', '=', 'published')
      .whereRef('signed_up', '<', 'capacity')
      .returning(['signed_up', 'capacity'])
      .executeTakeFirst();
    if (!seat) throw VolActivitiesErrors.ACTIVITY_FULL();
    let signupId = existing?.id;
    if (signupId) {
      await tx
        .updateTable('vol_activity_signups')
        .set({ status: 'signed_up', volunteer_id: v.id, person_name: v.personName, updated_at: now })
        .where('street_id', '=', a.streetId)
        .where('id', '=', signupId)
        .execute();
    } else {
      // A double tap: the other request's row makes this insert do nothing, and refusing rolls the seat back.
      const made = await tx
        .insertInto('vol_activity_signups')
        .values({ street_id: a.streetId, id: newId(), activity_id: a.id, volunteer_id: v.id, person_id: v.personId, person_name: v.personName, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['street_id', 'activity_id', 'person_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!made) throw VolActivitiesErrors.ALREADY_SIGNED_UP();
      signupId = made.id;
    }
    await audit(tx, ctx, { action: 'volunteers.activities.signed_up', placeId: a.placeId, subjectType: 'vol_activity', subjectId: a.id, detail: { signup: signupId, seats: `${seat.signed_up}/${seat.capacity}` } });
    return { activityId: a.id, signupId, signedUp: seat.signed_up, capacity: seat.capacity };
  });
}

/** The volunteer cancels their sign-up before the activity starts (and before signing in): the seat is freed. Audited. */
export async function cancelSignUp(ctx: Ctx, id: string): Promise<{ activityId: string; status: 'cancelled' }> {
  return write(ctx, async (tx) => {
    const a = await activityById(tx, id);
    const personId = ctx.actor.personId;
    const s = personId
      ? await tx
          .selectFrom('vol_activity_signups')
          .select(['id', 'signed_in_at'])
          .where('street_id', '=', a.streetId)
          .where('activity_id', '=', a.id)
          .where('person_id', '=', personId)
          .where('status', '=', 'signed_up')
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!s) throw VolActivitiesErrors.NOT_SIGNED_UP();
    const now = ctx.kernel.clock.now();
    if (now >= a.startsAt || s.signed_in_at) throw VolActivitiesErrors.CANCEL_TOO_LATE();
    await tx.updateTable('vol_activity_signups').set({ status: 'cancelled', updated_at: now }).where('street_id', '=', a.streetId).where('id', '=', s.id).execute();
    await tx
      .updateTable('vol_activities')
      .set({ signed_up: sql`signed_up - 1`, updated_at: now })
      .where('street_id', '=', a.streetId)
      .where('id', '=', a.id)
      .execute();
    await audit(tx, ctx, { action: 'volunteers.activities.sign_up_cancelled', placeId: a.placeId, subjectType: 'vol_activity', subjectId: a.id, detail: { signup: s.id } });
    return { activityId: a.id, status: 'cancelled' as const };
  });
}
