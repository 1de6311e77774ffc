import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../party.db.ts';
import { allows } from '../party.policy.ts';
import { activityFor, type ActivityRow } from './activities-access.ts';

export interface AttendeeRow {
  id: string;
  memberId: string;
  personName: string;
  membership: 'local' | 'employed';
  status: 'invited' | 'present' | 'excused';
  via: 'code' | 'staff' | null;
  signedInAt: Date | null;
  excuseReason: string | null;
}

export interface ActivityView extends Omit<ActivityRow, 'placePath' | 'code' | 'codeExpiresAt' | 'streetId'> {
  canManage: boolean;
  /** The current sign-in code (managers only; null once expired). */
  signIn: { code: string; expiresAt: Date } | null;
  attendees: AttendeeRow[];
  counts: { invited: number; present: number; excused: number };
}

/** An activity with its audience and how each attended; its managers also see the current sign-in code. */
export async function getActivity(ctx: Ctx, id: string): Promise<ActivityView> {
  const db = read(ctx);
  const { placePath, code, codeExpiresAt, streetId, ...a } = await activityFor(db, ctx, id, 'activitiesRead');
  const canManage = allows(ctx.actor, 'activitiesManage', placePath);
  const attendees = await db
    .selectFrom('pty_activity_attendees')
    .select(['id', 'member_id as memberId', 'person_name as personName', 'membership', 'status', 'via', 'signed_in_at as signedInAt', 'excuse_reason as excuseReason'])
    .where('street_id', '=', streetId)
    .where('activity_id', '=', id)
    .orderBy('membership', 'desc')
    .orderBy('person_name')
    .orderBy('id')
    .execute();
  const live = canManage && code && codeExpiresAt && codeExpiresAt > ctx.kernel.clock.now();
  return {
    ...a,
    canManage,
    signIn: live ? { code: code!, expiresAt: codeExpiresAt! } : null,
    attendees,
    counts: { invited: attendees.length, present: attendees.filter((t) => t.status === 'present').length, excused: attendees.filter((t) => t.status === 'excused').length },
  };
}
