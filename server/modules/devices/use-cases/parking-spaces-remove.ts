import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { ParkingErrors } from '../devices.parking.errors.ts';
import { checkRecord } from './parking-access.ts';
import { spaceById } from './parking-spaces-update.ts';

/** Removes a space (manageParking over its compound), only while it is not taken (SPACE_OCCUPIED). Audited. */
export async function removeSpace(ctx: Ctx, id: string): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const space = await spaceById(tx, id);
    checkRecord(ctx, space?.path, 'manageParking', ParkingErrors.SPACE_NOT_FOUND);
    const s = space!;
    const row = await tx.selectFrom('dev_spaces').select('occupied').where('street_id', '=', s.street_id).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.occupied) throw ParkingErrors.SPACE_OCCUPIED();
    await tx.deleteFrom('dev_spaces').where('street_id', '=', s.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'devices.parking.space_removed', placeId: s.place_id, subjectType: 'dev_space', subjectId: id, before: { no: s.no, kind: s.kind, roomId: s.room_id } });
    return { id };
  });
}
