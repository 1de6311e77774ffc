import { findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { authorize } from '../volunteers.policy.ts';
import { TasksErrors } from '../volunteers.tasks.errors.ts';
import type { TaskBody } from '../volunteers.tasks.schemas.ts';
import { recordEvent, volunteersAround } from './tasks-access.ts';

/** Shanghai time as a notice prints it: 2026-11-22 09:00. */
export const shanghaiTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Posts a task at a compound or a community (tasksManage over it): its deadline in the future. The approved
 * volunteers registered at the place, under it or above it are told in the app. Audited. `quiet` (the demo's past
 * tasks only, never a route) tells nobody.
 */
export async function createTask(ctx: Ctx, body: TaskBody, opts: { quiet?: boolean } = {}): Promise<{ id: string; notified: number }> {
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, body.placeId);
    if (!place || !place.street_id) throw VolunteersErrors.PLACE_NOT_FOUND();
    authorize(ctx.actor, 'tasksManage', place.path);
    if (place.kind !== 'compound' && place.kind !== 'community') throw TasksErrors.TASK_PLACE_KIND();
    const now = ctx.kernel.clock.now();
    if (body.deadline <= now) throw TasksErrors.TASK_DEADLINE_PAST();
    const streetId = streetOf(place);
    const id = newId();
    await tx
      .insertInto('vol_tasks')
      .values({
        street_id: streetId,
        id,
        place_id: place.id,
        title: body.title,
        description: body.description,
        target: body.target,
        points: body.points,
        minutes: body.minutes,
        deadline: body.deadline,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_by_name: isSystem(ctx.actor) ? '' : ctx.actor.name,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordEvent(tx, ctx, { streetId, id }, 'posted');
    let notified = 0;
    if (!opts.quiet) {
      const persons = (await volunteersAround(tx, streetId, place.path).execute()).map((v) => v.person_id);
      if (persons.length) {
        const sent = await notify(tx, ctx, {
          template: 'volunteers.tasks.posted',
          placeId: place.id,
          to: { persons },
          data: { title: body.title, place: place.name, points: body.points, minutes: body.minutes, deadline: shanghaiTime(body.deadline) },
          subject: { type: 'vol_task', id },
        });
        notified = sent.recipients;
      }
    }
    await audit(tx, ctx, { action: 'volunteers.tasks.posted', placeId: place.id, subjectType: 'vol_task', subjectId: id, detail: { title: body.title, points: body.points, minutes: body.minutes, notified } });
    return { id, notified };
  });
}
