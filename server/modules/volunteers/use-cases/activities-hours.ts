import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { VolActivitiesErrors } from '../volunteers.activities.errors.ts';
import type { AttendanceBody } from '../volunteers.activities.schemas.ts';
import { write } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { activityFor, serviceMinutes, servicePoints } from './activities-access.ts';
import { creditService } from './points-ledger.ts';

/**
 * The organiser records a sign-out by hand (a volunteer who left without the code), and the sign-in too when it is
 * missing: the minutes follow, capped at the activity's length. Refused once the hours are confirmed. Audited.
 */
export async function recordAttendance(ctx: Ctx, id: string, signupId: string, body: AttendanceBody): Promise<{ signupId: string; minutes: number }> {
  return write(ctx, async (tx) => {
    const a = await activityFor(tx, ctx, id, 'activitiesManage', true);
    if (a.status === 'cancelled') throw VolActivitiesErrors.ACTIVITY_CLOSED();
    const s = await tx
      .selectFrom('vol_activity_signups')
      .select(['id', 'signed_in_at', 'signed_in_via', 'confirmed_at'])
      .where('street_id', '=', a.streetId)
      .where('activity_id', '=', a.id)
      .where('id', '=', signupId)
      .where('status', '=', 'signed_up')
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw VolActivitiesErrors.SIGNUP_NOT_FOUND();
    if (s.confirmed_at) throw VolActivitiesErrors.ALREADY_CONFIRMED();
    const signedInAt = body.signedInAt ?? s.signed_in_at;
    if (!signedInAt) throw VolActivitiesErrors.NOT_SIGNED_IN();
    if (body.signedOutAt < signedInAt) throw VolActivitiesErrors.SIGN_OUT_BEFORE_IN();
    const minutes = serviceMinutes(a, signedInAt, body.signedOutAt);
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('vol_activity_signups')
      .set({
        signed_in_at: signedInAt,
        signed_in_via: body.signedInAt ? 'staff' : s.signed_in_via,
        signed_out_at: body.signedOutAt,
        signed_out_via: 'staff',
        minutes,
        updated_at: now,
      })
      .where('street_id', '=', a.streetId)
      .where('id', '=', s.id)
      .execute();
    await audit(tx, ctx, {
      action: 'volunteers.activities.attendance_recorded',
      placeId: a.placeId,
      subjectType: 'vol_activity',
      subjectId: a.id,
      detail: { signup: s.id, signedInAt: signedInAt.toISOString(), signedOutAt: body.signedOutAt.toISOString(), minutes },
    });
    return { signupId: s.id, minutes };
  });
}

export interface Confirmed {
  signupId: string;
  personName: string;
  minutes: number;
  points: number;
}

/**
 * The organiser confirms the hours — of everyone signed out and not yet confirmed, or of the sign-ups named — and each
 * is credited through the points ledger: the minutes, and ⌊minutes × points per hour / 60⌋ points. A sign-up named
 * twice, or confirmed before, is refused with ALREADY_CREDITED (the ledger pays a source once in any case); one not
 * signed out is NOT_SIGNED_OUT. Confirming all after the activity's end marks it finished. Audited.
 */
export async function confirmHours(ctx: Ctx, id: string, signupIds?: readonly string[]): Promise<{ confirmed: Confirmed[]; status: string }> {
  return write(ctx, async (tx) => {
    const a = await activityFor(tx, ctx, id, 'activitiesManage', true);
    if (a.status === 'cancelled') throw VolActivitiesErrors.ACTIVITY_CLOSED();
    const rows = await tx
      .selectFrom('vol_activity_signups')
      .select(['id', 'person_id', 'person_name', 'signed_out_at', 'minutes', 'confirmed_at'])
      .where('street_id', '=', a.streetId)
      .where('activity_id', '=', a.id)
      .where('status', '=', 'signed_up')
      .$if(!!signupIds, (q) => q.where('id', 'in', [...new Set(signupIds)]))
      .orderBy('person_name')
      .orderBy('id')
      .forUpdate()
      .execute();
    let todo = rows;
    if (signupIds) {
      if (rows.length !== new Set(signupIds).size) throw VolActivitiesErrors.SIGNUP_NOT_FOUND();
      if (rows.some((r) => r.confirmed_at)) throw VolunteersErrors.ALREADY_CREDITED();
      if (rows.some((r) => !r.signed_out_at)) throw VolActivitiesErrors.NOT_SIGNED_OUT();
    } else {
      todo = rows.filter((r) => r.signed_out_at && !r.confirmed_at);
      if (!todo.length) throw VolActivitiesErrors.NOTHING_TO_CONFIRM();
    }
    const now = ctx.kernel.clock.now();
    const confirmed: Confirmed[] = [];
    for (const r of todo) {
      const minutes = r.minutes!;
      const points = servicePoints(minutes, a.pointsPerHour);
      await creditService(tx, ctx, { streetId: a.streetId, personId: r.person_id, placeId: a.placeId, minutes, points, source: { kind: 'activity', id: a.id }, note: a.title.slice(0, 200) });
      await tx
        .updateTable('vol_activity_signups')
        .set({ points, confirmed_at: now, confirmed_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, updated_at: now })
        .where('street_id', '=', a.streetId)
        .where('id', '=', r.id)
        .execute();
      confirmed.push({ signupId: r.id, personName: r.person_name, minutes, points });
    }
    let status: string = a.status;
    if (!signupIds && now >= a.endsAt && a.status === 'published') {
      await tx.updateTable('vol_activities').set({ status: 'finished', updated_at: now }).where('street_id', '=', a.streetId).where('id', '=', a.id).execute();
      status = 'finished';
    }
    await audit(tx, ctx, {
      action: 'volunteers.activities.hours_confirmed',
      placeId: a.placeId,
      subjectType: 'vol_activity',
      subjectId: a.id,
      detail: { signups: confirmed.map((c) => c.signupId), minutes: confirmed.reduce((n, c) => n + c.minutes, 0), points: confirmed.reduce((n, c) => n + c.points, 0), finished: status === 'finished' },
    });
    return { confirmed, status };
  });
}
