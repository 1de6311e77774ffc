import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { roomFacts } from '../../registry/index.ts';
import { write } from '../devices.db.ts';
import type { CardBody } from '../devices.visitors.schemas.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';
import { staffCompound } from './visitors-access.ts';
import { isUniqueViolation } from './visitors-vehicles-add.ts';

/** The property company issues an access card to a room of the compound; a card number is active once per compound (409 CARD_TAKEN). */
export async function issueCard(ctx: Ctx, placeId: string, body: CardBody): Promise<{ id: string; status: 'active' }> {
  return write(ctx, async (tx) => {
    const compound = await staffCompound(tx, ctx, placeId, 'reviewVehicles');
    const room = await roomFacts(tx, body.roomId);
    if (!room || !room.path.startsWith(compound.path)) throw VisitorsErrors.ROOM_NOT_IN_COMPOUND();
    const taken = await tx.selectFrom('dev_cards').select('id').where('street_id', '=', compound.street_id).where('place_id', '=', compound.id).where('card_no', '=', body.cardNo).where('status', '=', 'active').executeTakeFirst();
    if (taken) throw VisitorsErrors.CARD_TAKEN();
    const id = newId();
    try {
      await tx
        .insertInto('dev_cards')
        .values({ street_id: compound.street_id, id, place_id: compound.id, room_id: room.id, card_no: body.cardNo, holder_name: body.holderName, issued_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, created_at: ctx.kernel.clock.now(), revoked_at: null })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e, 'dev_cards_no')) throw VisitorsErrors.CARD_TAKEN();
      throw e;
    }
    await audit(tx, ctx, { action: 'devices.visitors.card_issued', placeId: compound.id, subjectType: 'dev_card', subjectId: id, after: { cardNo: body.cardNo, roomId: room.id } });
    return { id, status: 'active' as const };
  });
}
