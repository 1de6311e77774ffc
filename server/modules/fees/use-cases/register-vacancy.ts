import { ancestorOfKind, findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, authorize } from '../fees.policy.ts';

/** A room the actor may bill (bill permission), with its compound; 404 for a room they cannot read fees of. */
export async function roomFor(ctx: Ctx, roomId: string) {
  const room = await findPlace(read(ctx), roomId);
  if (!room || room.kind !== 'room' || !room.street_id || !(allows(ctx.actor, 'read', room.path) || allows(ctx.actor, 'bill', room.path))) throw FeesErrors.ROOM_NOT_FOUND();
  authorize(ctx.actor, 'bill', room.path);
  const compound = await ancestorOfKind(read(ctx), room, 'compound');
  if (!compound) throw FeesErrors.ROOM_NOT_FOUND();
  return { ...room, street_id: room.street_id, compoundId: compound.id };
}

/**
 * Registers a room as vacant (空置) from a day, until a day or open-ended. Items with a vacancy discount charge less
 * for those days in bills generated from then on. Two registrations of one room may not overlap.
 */
export async function registerVacancy(ctx: Ctx, input: { roomId: string; startsOn: string; endsOn?: string; note?: string }) {
  const room = await roomFor(ctx, input.roomId);
  if (input.endsOn && input.endsOn <= input.startsOn) throw FeesErrors.BAD_DATES();
  const overlapping = await read(ctx)
    .selectFrom('fee_vacancies')
    .select('id')
    .where('street_id', '=', room.street_id)
    .where('room_id', '=', room.id)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', input.startsOn)]))
    .$if(!!input.endsOn, (q) => q.where('starts_on', '<', input.endsOn!))
    .executeTakeFirst();
  if (overlapping) throw FeesErrors.VACANCY_OVERLAPS();
  const id = newId();
  await write(ctx, async (tx) => {
    await tx
      .insertInto('fee_vacancies')
      .values({ street_id: room.street_id, id, room_id: room.id, starts_on: input.startsOn, ends_on: input.endsOn ?? null, note: input.note ?? '', created_by: ctx.actor.accountId, created_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'fees.vacancy.registered', placeId: room.id, subjectType: 'fee_vacancy', subjectId: id, after: { startsOn: input.startsOn, endsOn: input.endsOn ?? null } });
  });
  return { id };
}

/** Ends an open vacancy on a day (exclusive): the room is charged in full from that day. */
export async function endVacancy(ctx: Ctx, vacancyId: string, endsOn: string) {
  const v = await read(ctx).selectFrom('fee_vacancies').selectAll().where('id', '=', vacancyId).executeTakeFirst();
  const place = v && (await findPlace(read(ctx), v.room_id));
  if (!v || !place || !(allows(ctx.actor, 'read', place.path) || allows(ctx.actor, 'bill', place.path))) throw FeesErrors.VACANCY_NOT_FOUND();
  authorize(ctx.actor, 'bill', place.path);
  if (v.ends_on !== null) throw FeesErrors.VACANCY_ENDED();
  if (endsOn <= v.starts_on) throw FeesErrors.BAD_DATES();
  await write(ctx, async (tx) => {
    await tx.updateTable('fee_vacancies').set({ ends_on: endsOn }).where('street_id', '=', v.street_id).where('id', '=', v.id).execute();
    await audit(tx, ctx, { action: 'fees.vacancy.ended', placeId: v.room_id, subjectType: 'fee_vacancy', subjectId: v.id, before: { endsOn: null }, after: { endsOn } });
  });
  return { id: v.id };
}
