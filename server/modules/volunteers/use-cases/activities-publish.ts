import { findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { VolActivitiesErrors } from '../volunteers.activities.errors.ts';
import type { ActivityBody } from '../volunteers.activities.schemas.ts';
import { write } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { allows, holdsAnywhere } from '../volunteers.policy.ts';
import { activityFor, shanghaiTime } from './activities-access.ts';
import { newCodeSecret } from './activities-code.ts';

/**
 * Publishes a community's or compound's volunteer activity and tells the approved volunteers registered there (at the
 * place or under it) in the app. Audited. `quiet` (the demo's past activities only, never a route) leaves the notice
 * out.
 */
export async function publishActivity(ctx: Ctx, body: ActivityBody, opts: { quiet?: boolean } = {}): Promise<{ id: string; notified: number }> {
  if (!holdsAnywhere(ctx.actor, 'activitiesManage')) throw CommonErrors.FORBIDDEN();
  if (body.startsAt >= body.endsAt) throw VolActivitiesErrors.TIMES_INVALID();
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, body.placeId);
    if (!place?.street_id || !(allows(ctx.actor, 'activitiesRead', place.path) || allows(ctx.actor, 'activitiesManage', place.path))) throw VolunteersErrors.PLACE_NOT_FOUND();
    if (!allows(ctx.actor, 'activitiesManage', place.path)) throw CommonErrors.FORBIDDEN();
    if (place.kind !== 'community' && place.kind !== 'compound') throw VolActivitiesErrors.ACTIVITY_PLACE_INVALID();
    const streetId = streetOf(place);
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('vol_activities')
      .values({
        street_id: streetId,
        id,
        place_id: place.id,
        title: body.title,
        description: body.description,
        venue: body.venue,
        starts_at: body.startsAt,
        ends_at: body.endsAt,
        capacity: body.capacity,
        points_per_hour: body.pointsPerHour,
        skills: [...new Set(body.skills)],
        code_secret: newCodeSecret(),
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    let notified = 0;
    if (!opts.quiet) {
      const volunteers = await tx
        .selectFrom('vol_volunteers as v')
        .innerJoin('street_places as vp', (j) => j.onRef('vp.street_id', '=', 'v.street_id').onRef('vp.id', '=', 'v.place_id'))
        .select('v.person_id')
        .where('v.street_id', '=', streetId)
        .where('v.status', '=', 'approved')
        .where('vp.path', 'like', `${place.path}%`)
        .execute();
      if (volunteers.length) {
        const sent = await notify(tx, ctx, {
          template: 'volunteers.activities.published',
          placeId: place.id,
          to: { persons: volunteers.map((v) => v.person_id) },
          data: { title: body.title, place: place.name, at: shanghaiTime(body.startsAt), venue: body.venue, capacity: body.capacity },
          subject: { type: 'vol_activity', id },
        });
        notified = sent.recipients;
      }
    }
    await audit(tx, ctx, {
      action: 'volunteers.activities.published',
      placeId: place.id,
      subjectType: 'vol_activity',
      subjectId: id,
      detail: { title: body.title, capacity: body.capacity, pointsPerHour: body.pointsPerHour, notified },
    });
    return { id, notified };
  });
}

/** Cancels a published activity with a reason; those signed up are told, and its codes stop working. Audited. */
export async function cancelActivity(ctx: Ctx, id: string, reason: string): Promise<{ id: string; status: 'cancelled' }> {
  return write(ctx, async (tx) => {
    const a = await activityFor(tx, ctx, id, 'activitiesManage', true);
    if (a.status !== 'published') throw VolActivitiesErrors.ACTIVITY_CLOSED();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('vol_activities').set({ status: 'cancelled', cancel_reason: reason, updated_at: now }).where('street_id', '=', a.streetId).where('id', '=', a.id).execute();
    const persons = await tx.selectFrom('vol_activity_signups').select('person_id').where('street_id', '=', a.streetId).where('activity_id', '=', a.id).where('status', '=', 'signed_up').execute();
    if (persons.length)
      await notify(tx, ctx, {
        template: 'volunteers.activities.cancelled',
        placeId: a.placeId,
        to: { persons: persons.map((p) => p.person_id) },
        data: { title: a.title, at: shanghaiTime(a.startsAt), reason },
        subject: { type: 'vol_activity', id: a.id },
      });
    await audit(tx, ctx, { action: 'volunteers.activities.cancelled', placeId: a.placeId, subjectType: 'vol_activity', subjectId: a.id, detail: { reason, signedUp: persons.length } });
    return { id: a.id, status: 'cancelled' as const };
  });
}
