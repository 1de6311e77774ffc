import { ancestorOfKind, findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { GridErrors } from '../grid.errors.ts';
import { write } from '../grid.db.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import type { ReportBody } from '../grid.events.schemas.ts';
import { authorize } from '../grid.policy.ts';
import { recordStep } from './events-access.ts';
import { checkFiles, storeFiles, type Upload, withFiles } from './files.ts';

/**
 * Reports an event at a compound or one of its buildings, with optional photos: staff with eventsReport over the
 * place (`as: 'staff'`), or a resident at a compound where they live (`as: 'resident'`, the H5). The event starts
 * 「待派遣」 at the community level; the timeline's first step and the audit entry are written with it. A patrol's
 * event names the patrol (at the same compound).
 */
export async function reportEvent(ctx: Ctx, body: ReportBody, uploads: readonly Upload[], opts: { as: 'staff' | 'resident' }): Promise<{ id: string; status: 'reported' }> {
  const files = checkFiles(uploads);
  return withFiles(ctx, (written) =>
    write(ctx, async (tx) => {
      const place = await findPlace(tx, body.placeId);
      if (!place || !place.street_id) throw GridErrors.PLACE_NOT_FOUND();
      const compound = place.kind === 'compound' ? place : place.kind === 'building' ? await ancestorOfKind(tx, place, 'compound') : undefined;
      if (opts.as === 'resident') {
        const rooms = await roomsOfActor(tx, ctx);
        if (!compound || !rooms.some((r) => r.compoundId === compound.id)) throw EventsErrors.NOT_YOUR_COMPOUND();
      } else {
        authorize(ctx.actor, 'eventsReport', place.path);
      }
      if (!compound) throw EventsErrors.EVENT_PLACE_KIND();
      const streetId = streetOf(place);
      if (body.patrolId) {
        const patrol = await tx.selectFrom('grid_patrols').select('id').where('street_id', '=', streetId).where('id', '=', body.patrolId).where('compound_id', '=', compound.id).executeTakeFirst();
        if (!patrol) throw EventsErrors.PATROL_NOT_FOUND();
      }
      const id = newId();
      const now = ctx.kernel.clock.now();
      await tx
        .insertInto('grid_events')
        .values({
          street_id: streetId,
          id,
          place_id: place.id,
          compound_id: compound.id,
          location: body.location,
          category: body.category,
          description: body.description,
          urgency: body.urgency,
          status: 'reported',
          level: 'community',
          body: null,
          liaison_id: null,
          patrol_id: body.patrolId ?? null,
          dispatched_at: null,
          due_at: null,
          resolved_at: null,
          closed_at: null,
          overdue_escalated_at: null,
          resolution_note: null,
          reporter_account_id: isSystem(ctx.actor) ? null : ctx.actor.accountId,
          reporter_person_id: opts.as === 'resident' ? ctx.actor.personId : null,
          reporter_name: isSystem(ctx.actor) ? '系统' : ctx.actor.name,
          reported_via: opts.as,
          rating: null,
          rating_comment: null,
          rated_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const photos = await storeFiles(tx, ctx, { streetId, type: 'event', id, placeId: place.id }, files, written);
      await recordStep(tx, ctx, { streetId, id }, { kind: 'reported', from: null, to: 'reported' });
      await audit(tx, ctx, {
        action: 'grid.events.reported',
        placeId: place.id,
        subjectType: 'grid_event',
        subjectId: id,
        detail: { category: body.category, urgency: body.urgency, via: opts.as, photos: photos.length, ...(body.patrolId ? { patrolId: body.patrolId } : {}) },
      });
      return { id, status: 'reported' as const };
    }),
  );
}
