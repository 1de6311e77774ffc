import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';
import { staffRowAccess } from './visitors-access.ts';

/** The property company revokes a card: the gate no longer knows it (the next swipe is an unknown card). */
export async function revokeCard(ctx: Ctx, id: string): Promise<{ id: string; status: 'revoked' }> {
  return write(ctx, async (tx) => {
    const card = await tx.selectFrom('dev_cards').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!card) throw VisitorsErrors.CARD_NOT_FOUND();
    await staffRowAccess(tx, ctx, card.place_id, 'reviewVehicles', VisitorsErrors.CARD_NOT_FOUND);
    if (card.status === 'revoked') throw VisitorsErrors.CARD_REVOKED();
    await tx.updateTable('dev_cards').set({ status: 'revoked', revoked_at: ctx.kernel.clock.now() }).where('street_id', '=', card.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'devices.visitors.card_revoked', placeId: card.place_id, subjectType: 'dev_card', subjectId: id, before: { status: 'active', cardNo: card.card_no }, after: { status: 'revoked' } });
    return { id, status: 'revoked' as const };
  });
}
