import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { ACTIVITY_KIND_ZH } from '../party.activities.constants.ts';
import { ActivitiesErrors } from '../party.activities.errors.ts';
import type { ActivityBody } from '../party.activities.schemas.ts';
import { read, write } from '../party.db.ts';
import { activityFor, type BranchOption, branchFor, branchesFor, holdsActivities } from './activities-access.ts';
import { audienceOf } from './activities-reported-members.ts';
import { CommonErrors } from '../../../kernel/errors.ts';

/** Shanghai time as the notice prints it: 2026-11-22 09:00. */
export const shanghaiTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The organisations the actor may organise activities for (the form's choices; the community's own first). */
export async function listActivityBranches(ctx: Ctx): Promise<BranchOption[]> {
  if (!holdsActivities(ctx, 'activitiesManage')) throw CommonErrors.FORBIDDEN();
  const branches = await branchesFor(read(ctx), ctx);
  return branches.sort((a, b) => Number(b.isCommunityOrg) - Number(a.isCommunityOrg) || a.placePath.localeCompare(b.placePath) || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * Schedules an activity of a branch: its audience (the branch's local members, and the employed members confirmed at
 * its community when asked) is frozen as attendee rows and notified in the app. Audited. `quiet` (the demo's past
 * activities only, never a route) leaves the notice out.
 */
export async function scheduleActivity(ctx: Ctx, body: ActivityBody, opts: { quiet?: boolean } = {}): Promise<{ id: string; invited: number; notified: number }> {
  if (body.startsAt >= body.endsAt) throw ActivitiesErrors.TIMES_INVALID();
  return write(ctx, async (tx) => {
    const branch = await branchFor(tx, ctx, body.branchId);
    const audience = await audienceOf(tx, { streetId: branch.streetId, branchId: branch.id, communityId: branch.communityId, includeReported: body.includeReported });
    if (!audience.length) throw ActivitiesErrors.NO_AUDIENCE();
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('pty_activities')
      .values({
        street_id: branch.streetId,
        id,
        branch_id: branch.id,
        branch_name: branch.name,
        place_id: branch.placeId,
        community_id: branch.communityId,
        kind: body.kind,
        title: body.title,
        starts_at: body.startsAt,
        ends_at: body.endsAt,
        venue: body.venue,
        agenda: body.agenda,
        include_reported: body.includeReported,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx
      .insertInto('pty_activity_attendees')
      .values(audience.map((m) => ({ street_id: branch.streetId, id: newId(), activity_id: id, member_id: m.memberId, person_id: m.personId, person_name: m.personName, membership: m.membership })))
      .execute();
    // `quiet`: the demo's record of activities held before it began (nobody is told of the past).
    const sent = opts.quiet
      ? { recipients: 0 }
      : await notify(tx, ctx, {
      template: 'party.activities.scheduled',
      placeId: branch.placeId,
      to: { persons: audience.map((m) => m.personId) },
      data: { title: body.title, kind: ACTIVITY_KIND_ZH[body.kind], branch: branch.name, at: shanghaiTime(body.startsAt), venue: body.venue },
      subject: { type: 'party_activity', id },
    });
    await audit(tx, ctx, {
      action: 'party.activities.scheduled',
      placeId: branch.placeId,
      subjectType: 'party_activity',
      subjectId: id,
      detail: { title: body.title, kind: body.kind, invited: audience.length, employed: audience.filter((m) => m.membership === 'employed').length, notified: sent.recipients },
    });
    return { id, invited: audience.length, notified: sent.recipients };
  });
}

/** Cancels a scheduled activity with a reason; its audience is told and its sign-in code stops working. Audited. */
export async function cancelActivity(ctx: Ctx, id: string, reason: string): Promise<{ id: string; status: 'cancelled' }> {
  return write(ctx, async (tx) => {
    const a = await activityFor(tx, ctx, id, 'activitiesManage', true);
    if (a.status === 'cancelled') throw ActivitiesErrors.ACTIVITY_CANCELLED();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('pty_activities')
      .set({ status: 'cancelled', cancel_reason: reason, cancelled_at: now, code: null, code_opened_at: null, code_expires_at: null, updated_at: now })
      .where('street_id', '=', a.streetId)
      .where('id', '=', a.id)
      .execute();
    const persons = await tx.selectFrom('pty_activity_attendees').select('person_id').where('street_id', '=', a.streetId).where('activity_id', '=', a.id).execute();
    await notify(tx, ctx, {
      template: 'party.activities.cancelled',
      placeId: a.placeId,
      to: { persons: persons.map((p) => p.person_id) },
      data: { title: a.title, at: shanghaiTime(a.startsAt), reason },
      subject: { type: 'party_activity', id: a.id },
    });
    await audit(tx, ctx, { action: 'party.activities.cancelled', placeId: a.placeId, subjectType: 'party_activity', subjectId: a.id, detail: { reason } });
    return { id: a.id, status: 'cancelled' as const };
  });
}
