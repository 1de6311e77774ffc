import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../volunteers.db.ts';
import { allows } from '../volunteers.policy.ts';
import { activityFor, type ActivityRow } from './activities-access.ts';

export interface SignupRow {
  id: string;
  volunteerId: string;
  personName: string;
  status: 'signed_up' | 'cancelled';
  signedInAt: Date | null;
  signedInVia: 'code' | 'staff' | null;
  signedOutAt: Date | null;
  signedOutVia: 'code' | 'staff' | null;
  minutes: number | null;
  points: number | null;
  confirmedAt: Date | null;
  createdAt: Date;
}

export interface ActivityView extends Omit<ActivityRow, 'placePath' | 'streetId'> {
  canManage: boolean;
  signups: SignupRow[];
  counts: { signedUp: number; signedIn: number; signedOut: number; confirmed: number; toConfirm: number };
}

/** The sign-ups of an activity, live ones first, by name. */
export function signupsOf(db: ReturnType<typeof read>, streetId: string, activityId: string): Promise<SignupRow[]> {
  return db
    .selectFrom('vol_activity_signups')
    .select([
      'id',
      'volunteer_id as volunteerId',
      'person_name as personName',
      'status',
      'signed_in_at as signedInAt',
      'signed_in_via as signedInVia',
      'signed_out_at as signedOutAt',
      'signed_out_via as signedOutVia',
      'minutes',
      'points',
      'confirmed_at as confirmedAt',
      'created_at as createdAt',
    ])
    .where('street_id', '=', streetId)
    .where('activity_id', '=', activityId)
    .orderBy('status', 'desc')
    .orderBy('person_name')
    .orderBy('id')
    .execute();
}

/** An activity with its sign-ups and attendance (staff in scope); `canManage` says whether the actions are offered. */
export async function getActivity(ctx: Ctx, id: string): Promise<ActivityView> {
  const db = read(ctx);
  const { placePath, streetId, ...a } = await activityFor(db, ctx, id, 'activitiesRead');
  const signups = await signupsOf(db, streetId, id);
  const live = signups.filter((s) => s.status === 'signed_up');
  return {
    ...a,
    canManage: allows(ctx.actor, 'activitiesManage', placePath),
    signups,
    counts: {
      signedUp: live.length,
      signedIn: live.filter((s) => s.signedInAt).length,
      signedOut: live.filter((s) => s.signedOutAt).length,
      confirmed: live.filter((s) => s.confirmedAt).length,
      toConfirm: live.filter((s) => s.signedOutAt && !s.confirmedAt).length,
    },
  };
}
