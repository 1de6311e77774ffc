import { audit, type Ctx } from '../../../kernel/context.ts';
import { VolActivitiesErrors } from '../volunteers.activities.errors.ts';
import { read, write } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { serviceMinutes } from './activities-access.ts';
import { type CheckMode, matchCode } from './activities-code.ts';

export interface CheckInAnswer {
  activityId: string;
  title: string;
  /** 'in': 签到成功; 'out': 签退成功. */
  mode: CheckMode;
  at: Date;
  /** The minutes this sign-out earns (before the organiser confirms them). */
  minutes: number | null;
  /** A repeat: the first sign-in (or sign-out) stands and nothing was written. */
  already: boolean;
}

/**
 * A volunteer types the code on the organiser's phone. The code must be the current window's or the one before of
 * an activity the volunteer signed up for (not yet confirmed); an older one of theirs is CODE_EXPIRED, the live code of
 * an activity they did not sign up for NOT_SIGNED_UP, anything else CODE_INVALID. The code's mode says what it does: a sign-in code signs in, a sign-out code signs out (only after a
 * sign-in) and records the minutes, capped at the activity's length. A repeat answers as the first and writes nothing.
 */
export async function checkInByCode(ctx: Ctx, code: string): Promise<CheckInAnswer> {
  const personId = ctx.actor.personId;
  if (!personId) throw VolunteersErrors.NOT_A_VOLUNTEER();
  const now = ctx.kernel.clock.now();
  const mine = await read(ctx)
    .selectFrom('vol_activity_signups as s')
    .innerJoin('vol_activities as a', (j) => j.onRef('a.street_id', '=', 's.street_id').onRef('a.id', '=', 's.activity_id'))
    .select(['s.id', 's.street_id as streetId', 'a.id as activityId', 'a.title', 'a.place_id as placeId', 'a.starts_at as startsAt', 'a.ends_at as endsAt', 'a.code_secret as secret'])
    .where('s.person_id', '=', personId)
    .where('s.status', '=', 'signed_up')
    .where('s.confirmed_at', 'is', null)
    .where('a.status', '=', 'published')
    .execute();
  let expired = false;
  for (const s of mine) {
    const m = matchCode(s.secret, code, now);
    if (m === 'expired') expired = true;
    if (!m || m === 'expired') continue;
    return m.mode === 'in' ? signIn(ctx, s, now) : signOut(ctx, s, now);
  }
  if (expired) throw VolActivitiesErrors.CODE_EXPIRED();
  // A live code of an activity the volunteer did not sign up for: say so, rather than "wrong code".
  const others = await read(ctx)
    .selectFrom('vol_activities as a')
    .select('a.code_secret as secret')
    .where('a.status', '=', 'published')
    .where('a.ends_at', '>', new Date(now.getTime() - 12 * 3_600_000))
    .where('a.street_id', 'in', (eb) => eb.selectFrom('vol_volunteers').select('street_id').where('person_id', '=', personId))
    .orderBy('a.starts_at')
    .limit(500)
    .execute();
  if (others.some((o) => { const m = matchCode(o.secret, code, now); return m !== null && m !== 'expired'; })) throw VolActivitiesErrors.NOT_SIGNED_UP();
  throw VolActivitiesErrors.CODE_INVALID();
}

type Mine = { id: string; streetId: string; activityId: string; title: string; placeId: string; startsAt: Date; endsAt: Date };

function signIn(ctx: Ctx, s: Mine, now: Date): Promise<CheckInAnswer> {
  return write(ctx, async (tx) => {
    const done = await tx
      .updateTable('vol_activity_signups')
      .set({ signed_in_at: now, signed_in_via: 'code', updated_at: now })
      .where('street_id', '=', s.streetId)
      .where('id', '=', s.id)
      .where('signed_in_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) {
      const row = await tx.selectFrom('vol_activity_signups').select('signed_in_at').where('street_id', '=', s.streetId).where('id', '=', s.id).executeTakeFirstOrThrow();
      return { activityId: s.activityId, title: s.title, mode: 'in' as const, at: row.signed_in_at!, minutes: null, already: true };
    }
    await audit(tx, ctx, { action: 'volunteers.activities.signed_in', placeId: s.placeId, subjectType: 'vol_activity', subjectId: s.activityId, detail: { signup: s.id, via: 'code' } });
    return { activityId: s.activityId, title: s.title, mode: 'in' as const, at: now, minutes: null, already: false };
  });
}

function signOut(ctx: Ctx, s: Mine, now: Date): Promise<CheckInAnswer> {
  return write(ctx, async (tx) => {
    const row = await tx
      .selectFrom('vol_activity_signups')
      .select(['signed_in_at', 'signed_out_at', 'minutes'])
      .where('street_id', '=', s.streetId)
      .where('id', '=', s.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!row.signed_in_at) throw VolActivitiesErrors.NOT_SIGNED_IN();
    if (row.signed_out_at) return { activityId: s.activityId, title: s.title, mode: 'out' as const, at: row.signed_out_at, minutes: row.minutes, already: true };
    const minutes = serviceMinutes(s, row.signed_in_at, now);
    await tx.updateTable('vol_activity_signups').set({ signed_out_at: now, signed_out_via: 'code', minutes, updated_at: now }).where('street_id', '=', s.streetId).where('id', '=', s.id).execute();
    await audit(tx, ctx, { action: 'volunteers.activities.signed_out', placeId: s.placeId, subjectType: 'vol_activity', subjectId: s.activityId, detail: { signup: s.id, via: 'code', minutes } });
    return { activityId: s.activityId, title: s.title, mode: 'out' as const, at: now, minutes, already: false };
  });
}
