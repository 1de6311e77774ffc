import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import type { SettingsBody } from '../grid.collection.schemas.ts';
import { write } from '../grid.db.ts';
import { can, isSystem } from '../../../kernel/access/index.ts';
import { settingsOf } from './collection-access.ts';
import { streetOfActor } from './collection-settings-get.ts';

/**
 * The street sets the incentive per verified new record (fen) and the spot-check share (basis points). A record
 * keeps the incentive in force when it was verified; the share applies to records verified from now on. Audited.
 */
export async function setCollectionSettings(ctx: Ctx, body: SettingsBody) {
  return write(ctx, async (tx) => {
    const streetId = await streetOfActor(ctx, 'collectionManage');
    const street = await findPlace(tx, streetId);
    if (!street || !can(ctx.actor, GRID_ROLES.collectionManage, street.path)) throw CommonErrors.FORBIDDEN();
    const before = await settingsOf(tx, streetId);
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('grid_collection_settings')
      .values({ street_id: streetId, incentive_fen: body.incentiveFen, spot_check_bp: body.spotCheckBp, updated_at: now, updated_by: isSystem(ctx.actor) ? null : ctx.actor.accountId })
      .onConflict((oc) => oc.column('street_id').doUpdateSet({ incentive_fen: body.incentiveFen, spot_check_bp: body.spotCheckBp, updated_at: now, updated_by: isSystem(ctx.actor) ? null : ctx.actor.accountId }))
      .execute();
    await audit(tx, ctx, {
      action: 'grid.collection.settings_changed',
      placeId: streetId,
      subjectType: 'grid_collection_settings',
      subjectId: streetId,
      before: { incentiveFen: before.incentiveFen, spotCheckBp: before.spotCheckBp },
      after: { incentiveFen: body.incentiveFen, spotCheckBp: body.spotCheckBp },
    });
    return { incentiveFen: body.incentiveFen, spotCheckBp: body.spotCheckBp, updatedAt: now };
  });
}
