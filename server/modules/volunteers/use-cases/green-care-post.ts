import { isSystem } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { write } from '../volunteers.db.ts';
import { GreenErrors } from '../volunteers.green.errors.ts';
import type { CareBody } from '../volunteers.green.schemas.ts';
import { refuseBannedWords } from './banned-words-check.ts';
import { checkPhotos, storePhotos, type Upload, withPhotos } from './photos.ts';
import { residentCompound } from './resident-compounds.ts';

/**
 * The adopter posts a care record (watering, weeding, planting …) with a note and photos, while the adoption covers
 * today. A household's adoption (one with a room) may be cared for by anyone living in that room now. The note is
 * checked against the street's banned words and the photos before anything is stored. Audited.
 */
export async function postCare(ctx: Ctx, adoptionId: string, body: CareBody, uploads: readonly Upload[] = []): Promise<{ id: string; photoIds: string[] }> {
  const photos = checkPhotos(uploads);
  if (!ctx.actor.personId) throw GreenErrors.ADOPTION_NOT_FOUND();
  const personId = ctx.actor.personId;
  return withPhotos(ctx, (written) =>
    write(ctx, async (tx) => {
      const a = await tx
        .selectFrom('vol_green_adoptions')
        .select(['street_id', 'id', 'plot_id', 'place_id', 'person_id', 'room_id', 'status', 'from_day', 'to_day'])
        .where('id', '=', adoptionId)
        .executeTakeFirst();
      const rooms = a ? await roomsOfActor(tx, ctx) : [];
      const mine = !!a && (a.person_id === personId || (!!a.room_id && rooms.some((r) => r.roomId === a.room_id)));
      if (!a || !mine) throw GreenErrors.ADOPTION_NOT_FOUND();
      // Only while they still live in the compound.
      const compound = await residentCompound(tx, ctx, a.place_id);
      const today = chinaDay(ctx.kernel.clock.now());
      if (a.status !== 'active' || a.from_day > today || a.to_day < today) throw GreenErrors.ADOPTION_NOT_ACTIVE();
      await refuseBannedWords(tx, a.street_id, [body.note]);
      const id = newId();
      await tx
        .insertInto('vol_green_care')
        .values({
          street_id: a.street_id,
          id,
          adoption_id: a.id,
          plot_id: a.plot_id,
          place_id: a.place_id,
          kind: body.kind,
          note: body.note,
          person_id: personId,
          person_name: ctx.actor.name,
          created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
          created_at: ctx.kernel.clock.now(),
        })
        .execute();
      const photoIds = await storePhotos(tx, ctx, { streetId: a.street_id, type: 'care', id, placeId: compound.compoundId }, photos, written);
      await audit(tx, ctx, { action: 'volunteers.green.care_posted', placeId: a.place_id, subjectType: 'vol_green_care', subjectId: id, detail: { adoptionId: a.id, kind: body.kind, photos: photos.length } });
      return { id, photoIds };
    }),
  );
}
