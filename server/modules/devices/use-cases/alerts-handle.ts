import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { ParkingErrors } from '../devices.parking.errors.ts';
import type { HandleBody } from '../devices.parking.schemas.ts';
import { checkRecord } from './parking-access.ts';

/** The duty staff (handleAlerts over the compound) handle an open alert with a note (ALERT_HANDLED once handled). Audited. */
export async function handleAlert(ctx: Ctx, id: string, body: HandleBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const a = await tx
      .selectFrom('dev_alerts as a')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'a.street_id').onRef('p.id', '=', 'a.place_id'))
      .select(['a.street_id', 'a.place_id', 'a.kind', 'p.path'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    checkRecord(ctx, a?.path, 'handleAlerts', ParkingErrors.ALERT_NOT_FOUND);
    const row = await tx.selectFrom('dev_alerts').select('status').where('street_id', '=', a!.street_id).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.status !== 'open') throw ParkingErrors.ALERT_HANDLED();
    await tx
      .updateTable('dev_alerts')
      .set({ status: 'handled', handled_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, handled_by_name: isSystem(ctx.actor) ? '系统' : ctx.actor.name, handled_at: ctx.kernel.clock.now(), note: body.note })
      .where('street_id', '=', a!.street_id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, { action: 'devices.parking.alert_handled', placeId: a!.place_id, subjectType: 'dev_alert', subjectId: id, before: { status: 'open' }, after: { status: 'handled', kind: a!.kind, note: body.note } });
    return { id };
  });
}
