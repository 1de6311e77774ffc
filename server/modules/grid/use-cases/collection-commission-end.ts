import { can, findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { CollectionErrors } from '../grid.collection.errors.ts';
import { write } from '../grid.db.ts';

/** Ends a commission on a day (its last day of collecting; not before it began). Audited. */
export async function endCommission(ctx: Ctx, id: string, validUntil: string): Promise<{ id: string; validUntil: string }> {
  return write(ctx, async (tx) => {
    const row = await tx.selectFrom('grid_commissions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    const compound = row ? await findPlace(tx, row.compound_id) : undefined;
    if (!row || !compound || !can(ctx.actor, GRID_ROLES.collectionManage, compound.path)) throw CollectionErrors.COLLECTION_COMMISSION_NOT_FOUND();
    if (validUntil < row.valid_from) throw CollectionErrors.COLLECTION_DATES();
    await tx.updateTable('grid_commissions').set({ valid_until: validUntil }).where('street_id', '=', row.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'grid.collection.commission_ended',
      placeId: compound.id,
      subjectType: 'grid_commission',
      subjectId: id,
      before: { validUntil: row.valid_until },
      after: { validUntil },
    });
    return { id, validUntil };
  });
}
