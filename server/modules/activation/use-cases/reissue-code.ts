import { can, findPlace } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read } from '../activation.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { RegistryPolicy } from '../../registry/index.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { allows } from '../activation.policy.ts';
import { codesOf, issueMissingCodes } from '../activation.repository.ts';

/** A room the actor can see (registry's place readers); 404 otherwise, like the registry. */
async function loadRoom(ctx: Ctx, id: string) {
  const place = await findPlace(read(ctx), id);
  if (!place || place.kind !== 'room' || !can(ctx.actor, RegistryPolicy.readPlaces, place.path)) throw ActivationErrors.PLACE_NOT_FOUND();
  return place;
}

/** A room's activation code as those who print slips see it (they print it anyway); others only learn they may not. */
export async function getRoomCode(ctx: Ctx, roomId: string) {
  const room = await loadRoom(ctx, roomId);
  const mayPrint = allows(ctx.actor, 'printSlips', room.path);
  const code = mayPrint ? ((await codesOf(read(ctx), [room.id])).get(room.id) ?? null) : null;
  return { roomId: room.id, code, canReissue: mayPrint };
}

/**
 * A slip lost, or handed to the wrong person: the room gets a new code and the old one stops
 * naming it at once (a claim with it is an unknown code). Audited without the codes themselves.
 * Printing the building's slips again gives the new slip; the other households' codes stay.
 */
export async function reissueRoomCode(ctx: Ctx, roomId: string) {
  const room = await loadRoom(ctx, roomId);
  if (!allows(ctx.actor, 'printSlips', room.path)) throw CommonErrors.FORBIDDEN();
  return write(ctx, async (tx) => {
    const had = (await codesOf(tx, [room.id])).has(room.id);
    await tx.deleteFrom('act_household_codes').where('place_id', '=', room.id).execute();
    await issueMissingCodes(tx, [room.id], ctx.actor.accountId, ctx.kernel.clock.now());
    const code = (await codesOf(tx, [room.id])).get(room.id)!;
    await audit(tx, ctx, { action: 'activation.code_reissued', placeId: room.id, subjectType: 'place', subjectId: room.id, detail: { replaced: had } });
    return { roomId: room.id, code, canReissue: true };
  });
}
