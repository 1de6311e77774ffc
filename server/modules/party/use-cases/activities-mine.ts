import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../party.db.ts';
import type { ActivityKind } from '../party.tables.ts';

export interface MyActivity {
  id: string;
  kind: ActivityKind;
  title: string;
  branchName: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  agenda: string;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  attendance: 'invited' | 'present' | 'excused';
  signedInAt: Date | null;
}

/** The member's own activities: those to come (not ended, newest last) and their attendance history (newest first). */
export async function myActivities(ctx: Ctx): Promise<{ upcoming: MyActivity[]; history: MyActivity[]; year: { invited: number; present: number } }> {
  const personId = ctx.actor.personId;
  if (!personId) return { upcoming: [], history: [], year: { invited: 0, present: 0 } };
  const rows = await read(ctx)
    .selectFrom('pty_activity_attendees as t')
    .innerJoin('pty_activities as a', (j) => j.onRef('a.street_id', '=', 't.street_id').onRef('a.id', '=', 't.activity_id'))
    .select([
      'a.id',
      'a.kind',
      'a.title',
      'a.branch_name as branchName',
      'a.starts_at as startsAt',
      'a.ends_at as endsAt',
      'a.venue',
      'a.agenda',
      'a.status',
      'a.cancel_reason as cancelReason',
      't.status as attendance',
      't.signed_in_at as signedInAt',
    ])
    .where('t.person_id', '=', personId)
    .orderBy('a.starts_at', 'desc')
    .limit(200)
    .execute();
  const now = ctx.kernel.clock.now();
  const upcoming = rows.filter((r) => r.endsAt > now).reverse();
  const history = rows.filter((r) => r.endsAt <= now);
  const thisYear = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const held = history.filter((r) => r.status === 'scheduled' && new Date(r.startsAt.getTime() + 8 * 3_600_000).getUTCFullYear() === thisYear);
  return { upcoming, history, year: { invited: held.length, present: held.filter((r) => r.attendance === 'present').length } };
}
