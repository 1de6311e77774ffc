import { findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';
import { EventsErrors } from '../grid.events.errors.ts';
import type { PatrolBody } from '../grid.events.schemas.ts';
import { allows } from '../grid.policy.ts';
import { checkFiles, storeFiles, type Upload, withFiles } from './files.ts';

/**
 * 联合巡查: a joint patrol at a compound on a day (not after today), with the liaisons present (each must have served
 * the compound that day) and what was found, with optional photos (stored as the patrol's: subject 'event' with the
 * patrol's id). Recorded by liaisonsManage or eventsDispatch over the compound. Events found report the patrol's id.
 */
export async function recordPatrol(ctx: Ctx, body: PatrolBody, uploads: readonly Upload[]): Promise<{ id: string }> {
  const files = checkFiles(uploads);
  return withFiles(ctx, (written) =>
    write(ctx, async (tx) => {
      const compound = await findPlace(tx, body.compoundId);
      if (!compound || !compound.street_id || compound.kind !== 'compound') throw GridErrors.PLACE_NOT_FOUND();
      if (!allows(ctx.actor, 'liaisonsManage', compound.path) && !allows(ctx.actor, 'eventsDispatch', compound.path)) throw CommonErrors.FORBIDDEN();
      if (body.patrolOn > chinaDay(ctx.kernel.clock.now())) throw EventsErrors.PATROL_DAY_FUTURE();
      const streetId = streetOf(compound);
      const ids = [...new Set(body.liaisonIds)];
      if (ids.length) {
        const found = await tx
          .selectFrom('grid_liaisons')
          .select('id')
          .where('street_id', '=', streetId)
          .where('compound_id', '=', compound.id)
          .where('id', 'in', ids)
          .where('from_on', '<=', body.patrolOn)
          .where((eb) => eb.or([eb('until_on', 'is', null), eb('until_on', '>=', body.patrolOn)]))
          .execute();
        if (found.length !== ids.length) throw EventsErrors.LIAISON_NOT_AT_COMPOUND();
      }
      const id = newId();
      await tx
        .insertInto('grid_patrols')
        .values({
          street_id: streetId,
          id,
          compound_id: compound.id,
          patrol_on: body.patrolOn,
          liaison_ids: ids,
          findings: body.findings,
          recorded_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
          recorded_by_name: isSystem(ctx.actor) ? '系统' : ctx.actor.name,
          created_at: ctx.kernel.clock.now(),
        })
        .execute();
      const photos = await storeFiles(tx, ctx, { streetId, type: 'event', id, placeId: compound.id }, files, written, { label: '巡查照片' });
      await audit(tx, ctx, { action: 'grid.events.patrol_recorded', placeId: compound.id, subjectType: 'grid_patrol', subjectId: id, detail: { patrolOn: body.patrolOn, liaisons: ids.length, photos: photos.length } });
      return { id };
    }),
  );
}
