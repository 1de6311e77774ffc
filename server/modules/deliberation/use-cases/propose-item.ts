import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { currentRoomsOf } from '../../registry/index.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { insertItem, lockItem } from '../deliberation.repository.ts';
import type { ProposalBody } from '../items.schemas.ts';
import { shanghaiYear } from './create-item.ts';
import { addSupporters, ITEM_PLACE_KINDS, listIfSupported, recordCreation, roomsUnderPlace } from './item-access.ts';

/**
 * A residents' joint proposal (联名提议) from the H5: a resident with a household under the place (by default
 * their compound) proposes; the item gathers support in stage 1 with the proposer's household as the first
 * supporter, and goes onto the stage-2 list by itself at the place's threshold.
 */
export function proposeItem(ctx: Ctx, input: ProposalBody) {
  return write(ctx, async (tx) => {
    const rooms = ctx.actor.personId ? await currentRoomsOf(tx, ctx.actor.personId) : [];
    if (!rooms.length) throw DeliberationErrors.NOT_A_RESIDENT_HERE();
    const place = await findPlace(tx, input.placeId ?? rooms[0]!.compoundId);
    const mine = place ? roomsUnderPlace(rooms, place.path) : [];
    if (!place || !place.street_id || !mine.length) throw DeliberationErrors.PLACE_NOT_FOUND();
    if (!(ITEM_PLACE_KINDS as readonly string[]).includes(place.kind)) throw DeliberationErrors.PLACE_KIND();
    const now = ctx.kernel.clock.now();
    const id = newId();
    const { code } = await insertItem(tx, {
      streetId: place.street_id,
      id,
      placeId: place.id,
      title: input.title,
      description: input.description,
      sourceKind: 'joint_proposal',
      source: { refId: null, label: '居民联名提议' },
      stage: 'collecting',
      listedAt: null,
      isPublic: true,
      createdBy: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      at: now,
      year: shanghaiYear(now),
    });
    const { count } = await addSupporters(tx, { street_id: place.street_id, id }, [{ roomId: mine[0]!.roomId, accountId: ctx.actor.accountId }], 'direct', now);
    await recordCreation(tx, ctx, { streetId: place.street_id, id, stage: 'collecting', kind: 'proposed' });
    await audit(tx, ctx, {
      action: 'deliberation.item.proposed',
      placeId: place.id,
      subjectType: 'deliberation_item',
      subjectId: id,
      after: { code, stage: 'collecting' },
    });
    // A threshold of one household: the proposal is on the list at once (still stage 2, never past it).
    const listed = await listIfSupported(tx, ctx, (await lockItem(tx, id))!, count);
    return { id, code, stage: listed ? ('agenda' as const) : ('collecting' as const) };
  });
}
