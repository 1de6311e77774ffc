import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CollectionErrors } from '../grid.collection.errors.ts';
import type { SpotCheckBody } from '../grid.collection.schemas.ts';
import { write } from '../grid.db.ts';
import { recordFor } from './collection-access.ts';

/**
 * 抽查: the street records the spot check of a drawn record, passed or failed, with a note — once (a conditional
 * update from 'pending'). A drawn record is paid only once it passed; a failed one never. Audited.
 */
export async function spotCheckRecord(ctx: Ctx, id: string, body: SpotCheckBody): Promise<{ id: string; spotStatus: 'passed' | 'failed' }> {
  return write(ctx, async (tx) => {
    const { row, place } = await recordFor(tx, ctx, id, 'manage');
    const spotStatus = body.passed ? ('passed' as const) : ('failed' as const);
    const done = await tx
      .updateTable('grid_records')
      .set({ spot_status: spotStatus, spot_note: body.note, spot_checked_at: ctx.kernel.clock.now(), spot_checked_by: isSystem(ctx.actor) ? null : ctx.actor.accountId })
      .where('street_id', '=', row.street_id)
      .where('id', '=', id)
      .where('spot_status', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw CollectionErrors.SPOT_CHECK_NOT_PENDING();
    await audit(tx, ctx, {
      action: body.passed ? 'grid.collection.spot_passed' : 'grid.collection.spot_failed',
      placeId: place.id,
      subjectType: 'grid_record',
      subjectId: id,
      before: { spotStatus: 'pending' },
      after: { spotStatus },
      detail: { note: body.note, company: row.company_name },
    });
    return { id, spotStatus };
  });
}
