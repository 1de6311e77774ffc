import { randomInt } from 'node:crypto';
import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { PartyErrors } from '../party.errors.ts';
import { ActivitiesErrors } from '../party.activities.errors.ts';
import type { MarkBody } from '../party.activities.schemas.ts';
import { read, type Tx, write } from '../party.db.ts';
import { activityFor } from './activities-access.ts';

/**
 * Opens (or reopens) an activity's sign-in: a new 6-digit code valid for `minutes` from now. The old code stops working
 * at once, and no other activity's current code is the same. Audited (the code itself is not written to the log).
 */
export async function openSignIn(ctx: Ctx, id: string, minutes: number): Promise<{ code: string; openedAt: Date; expiresAt: Date }> {
  return write(ctx, async (tx) => {
    const a = await activityFor(tx, ctx, id, 'activitiesManage', true);
    if (a.status === 'cancelled') throw ActivitiesErrors.ACTIVITY_CANCELLED();
    const now = ctx.kernel.clock.now();
    let code = '';
    for (let tries = 0; tries < 20; tries++) {
      code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (code === a.code) continue;
      const clash = await tx.selectFrom('pty_activities').select('id').where('code', '=', code).where('code_expires_at', '>', now).executeTakeFirst();
      if (!clash) break;
    }
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    await tx.updateTable('pty_activities').set({ code, code_opened_at: now, code_expires_at: expiresAt, updated_at: now }).where('street_id', '=', a.streetId).where('id', '=', a.id).execute();
    await audit(tx, ctx, { action: 'party.activities.sign_in_opened', placeId: a.placeId, subjectType: 'party_activity', subjectId: a.id, detail: { minutes, expiresAt: expiresAt.toISOString(), reopened: !!a.code } });
    return { code, openedAt: now, expiresAt };
  });
}

export interface SignInAnswer {
  activityId: string;
  title: string;
  signedInAt: Date;
  already: boolean;
}

/**
 * A member signs in with the code staff show: the code must be an activity's current one (at its expiry instant it is
 * no longer) and the member in that activity's audience. Signing in again answers as the first time and writes
 * nothing; the first sign-in is audited.
 */
export async function signInByCode(ctx: Ctx, code: string): Promise<SignInAnswer> {
  const personId = ctx.actor.personId;
  if (!personId) throw PartyErrors.NOT_A_MEMBER();
  const now = ctx.kernel.clock.now();
  const mine = await read(ctx)
    .selectFrom('pty_activity_attendees as t')
    .innerJoin('pty_activities as a', (j) => j.onRef('a.street_id', '=', 't.street_id').onRef('a.id', '=', 't.activity_id'))
    .select(['t.id', 't.street_id as streetId', 'a.id as activityId', 'a.title', 'a.place_id as placeId', 'a.code_expires_at as expiresAt', 't.status', 't.signed_in_at as signedInAt'])
    .where('t.person_id', '=', personId)
    .where('a.code', '=', code)
    .where('a.status', '=', 'scheduled')
    .orderBy('a.code_expires_at', 'desc')
    .execute();
  const current = mine.find((m) => m.expiresAt! > now);
  if (!current) {
    if (mine.length) throw ActivitiesErrors.CODE_EXPIRED();
    const live = await read(ctx).selectFrom('pty_activities').select('id').where('code', '=', code).where('status', '=', 'scheduled').where('code_expires_at', '>', now).executeTakeFirst();
    throw live ? ActivitiesErrors.NOT_INVITED() : ActivitiesErrors.CODE_INVALID();
  }
  if (current.status === 'present') return { activityId: current.activityId, title: current.title, signedInAt: current.signedInAt!, already: true };
  return write(ctx, async (tx) => {
    // Re-read under lock: a double tap races to one sign-in, the other answers as a repeat.
    const row = await tx.selectFrom('pty_activity_attendees').select(['status', 'signed_in_at']).where('street_id', '=', current.streetId).where('id', '=', current.id).forUpdate().executeTakeFirstOrThrow();
    if (row.status === 'present') return { activityId: current.activityId, title: current.title, signedInAt: row.signed_in_at!, already: true };
    await markPresent(tx, current.streetId, current.id, now, 'code', null);
    await audit(tx, ctx, { action: 'party.activities.signed_in', placeId: current.placeId, subjectType: 'party_activity', subjectId: current.activityId, detail: { attendee: current.id, via: 'code' } });
    return { activityId: current.activityId, title: current.title, signedInAt: now, already: false };
  });
}

async function markPresent(tx: Tx, streetId: string, attendeeId: string, at: Date, via: 'code' | 'staff', by: string | null) {
  await tx.updateTable('pty_activity_attendees').set({ status: 'present', via, signed_in_at: at, excuse_reason: null, marked_by: by }).where('street_id', '=', streetId).where('id', '=', attendeeId).execute();
}

/** Staff record a member's attendance by hand: present (a member without a phone) or excused with a reason. Audited. */
export async function markAttendance(ctx: Ctx, id: string, attendeeId: string, body: MarkBody): Promise<{ attendeeId: string; status: 'present' | 'excused' }> {
  const [done] = await recordAttendance(ctx, id, [{ attendeeId, ...body }]);
  return done!;
}

/**
 * Records several members' attendance in one transaction, each audited (the demo's past activities; `at`: when a
 * member arrived, else now). Any unknown attendee refuses the whole batch.
 */
export async function recordAttendance(
  ctx: Ctx,
  id: string,
  marks: readonly (MarkBody & { attendeeId: string; at?: Date })[],
): Promise<{ attendeeId: string; status: 'present' | 'excused' }[]> {
  return write(ctx, async (tx) => {
    const a = await activityFor(tx, ctx, id, 'activitiesManage', true);
    if (a.status === 'cancelled') throw ActivitiesErrors.ACTIVITY_CANCELLED();
    const by = isSystem(ctx.actor) ? null : ctx.actor.accountId;
    const out: { attendeeId: string; status: 'present' | 'excused' }[] = [];
    for (const m of marks) {
      if (m.status === 'excused' && !m.reason) throw CommonErrors.VALIDATION_FAILED();
      const t = await tx.selectFrom('pty_activity_attendees').select(['id', 'status']).where('street_id', '=', a.streetId).where('activity_id', '=', a.id).where('id', '=', m.attendeeId).executeTakeFirst();
      if (!t) throw ActivitiesErrors.ATTENDEE_NOT_FOUND();
      if (m.status === 'present') await markPresent(tx, a.streetId, t.id, m.at ?? ctx.kernel.clock.now(), 'staff', by);
      else
        await tx
          .updateTable('pty_activity_attendees')
          .set({ status: 'excused', via: 'staff', signed_in_at: null, excuse_reason: m.reason!, marked_by: by })
          .where('street_id', '=', a.streetId)
          .where('id', '=', t.id)
          .execute();
      await audit(tx, ctx, { action: 'party.activities.attendance_marked', placeId: a.placeId, subjectType: 'party_activity', subjectId: a.id, detail: { attendee: t.id, from: t.status, to: m.status } });
      out.push({ attendeeId: t.id, status: m.status });
    }
    return out;
  });
}
