import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { ParkingErrors } from '../devices.parking.errors.ts';
import type { SettleBody } from '../devices.parking.schemas.ts';
import { checkRecord } from './parking-access.ts';

/**
 * Marks a due fee of temporary parking paid (collected at the booth) or waived, with a note (manageParking over the
 * compound). Only a session that has ended with a fee due (SESSION_NOT_DUE otherwise). Audited.
 */
export async function settleSession(ctx: Ctx, id: string, body: SettleBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const s = await tx
      .selectFrom('dev_parking_sessions as t')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 't.street_id').onRef('p.id', '=', 't.place_id'))
      .select(['t.street_id', 't.place_id', 't.plate', 't.fee_fen', 'p.path'])
      .where('t.id', '=', id)
      .executeTakeFirst();
    checkRecord(ctx, s?.path, 'manageParking', ParkingErrors.SESSION_NOT_FOUND);
    const row = await tx.selectFrom('dev_parking_sessions').select(['fee_status']).where('street_id', '=', s!.street_id).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.fee_status !== 'due') throw ParkingErrors.SESSION_NOT_DUE();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('dev_parking_sessions')
      .set({ fee_status: body.status, fee_note: body.note, settled_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, settled_by_name: isSystem(ctx.actor) ? '系统' : ctx.actor.name, settled_at: now })
      .where('street_id', '=', s!.street_id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, {
      action: 'devices.parking.session_settled',
      placeId: s!.place_id,
      subjectType: 'dev_parking_session',
      subjectId: id,
      before: { feeStatus: 'due', feeFen: s!.fee_fen },
      after: { feeStatus: body.status, feeFen: s!.fee_fen, note: body.note },
    });
    return { id };
  });
}
