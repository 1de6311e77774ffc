import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { linkDeliberation, listPromotedOpinions, opinionForDeliberation } from '../../opinions/index.ts';
import { currentRoomsOf } from '../../registry/index.ts';
import { read, write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows, placeFilter } from '../deliberation.policy.ts';
import { insertItem } from '../deliberation.repository.ts';
import type { TakeUpBody } from '../items.schemas.ts';
import { shanghaiYear } from './create-item.ts';
import { addSupporters, recordCreation, roomsUnderPlace } from './item-access.ts';

/**
 * Takes up an opinion an official marked for deliberation (the opinions module's hook): an item on the stage-2
 * list with the opinion as its source, the opinion linked back in the same transaction, and the households of its
 * poster and of those who said "me too" as supporters — one per household, so a family counts once and the poster
 * hears of every stage (moveItem tells the supporters).
 */
export function takeUpOpinion(ctx: Ctx, input: TakeUpBody) {
  return write(ctx, async (tx) => {
    const opinion = await opinionForDeliberation(tx, input.opinionId);
    const place = opinion && (await findPlace(tx, opinion.placeId));
    if (!opinion || !place || !allows(ctx.actor, 'read', place.path)) throw DeliberationErrors.OPINION_NOT_FOUND();
    if (!allows(ctx.actor, 'propose', place.path)) throw CommonErrors.FORBIDDEN();
    if (!opinion.promoted) throw DeliberationErrors.OPINION_NOT_PROMOTED();
    if (opinion.deliberationRef) throw DeliberationErrors.OPINION_TAKEN_UP();
    const now = ctx.kernel.clock.now();
    const id = newId();
    const streetId = opinion.streetId;
    const { code } = await insertItem(tx, {
      streetId,
      id,
      placeId: place.id,
      title: input.title ?? opinion.title.slice(0, 100),
      description: input.description ?? opinion.body.slice(0, 4000),
      sourceKind: 'opinion',
      source: { refId: opinion.id, label: opinion.title.slice(0, 200) },
      stage: 'agenda',
      listedAt: now,
      isPublic: true,
      createdBy: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      at: now,
      year: shanghaiYear(now),
    });
    // One row per room: the poster's household first, then the "me too" households in the order they joined.
    const rows: { roomId: string; accountId: string }[] = [];
    for (const s of opinion.supporters) {
      for (const room of roomsUnderPlace(await currentRoomsOf(tx, s.personId), place.path)) {
        if (!rows.some((r) => r.roomId === room.roomId)) rows.push({ roomId: room.roomId, accountId: s.accountId });
      }
    }
    const { count } = await addSupporters(tx, { street_id: streetId, id }, rows, 'opinion', now);
    await recordCreation(tx, ctx, { streetId, id, stage: 'agenda', kind: 'taken_up', detail: { opinionId: opinion.id, supporters: count } });
    await linkDeliberation(tx, ctx, opinion.id, id);
    await audit(tx, ctx, {
      action: 'deliberation.item.taken_up',
      placeId: place.id,
      subjectType: 'deliberation_item',
      subjectId: id,
      after: { code, stage: 'agenda', opinionId: opinion.id },
      detail: { supporters: count },
    });
    return { id, code, stage: 'agenda' as const, supporterCount: count };
  });
}

/** Promoted opinions in my places not yet taken up, oldest promotion first: the agenda board's intake. */
export async function listPromotedForMe(ctx: Ctx) {
  const db = read(ctx);
  const all = await listPromotedOpinions(db, { withoutRef: true, limit: 500 });
  if (!all.length) return { items: [] };
  const visible = await db
    .selectFrom('street_places as p')
    .select(['p.id', 'p.path'])
    .where('p.id', 'in', [...new Set(all.map((o) => o.placeId))])
    .where(placeFilter(ctx.actor, 'read', 'p.id', 'p.path'))
    .execute();
  const paths = new Map(visible.map((p) => [p.id, p.path]));
  return {
    items: all
      .filter((o) => paths.has(o.placeId))
      .map((o) => ({
        id: o.id,
        placeId: o.placeId,
        compoundName: o.compoundName,
        kind: o.kind,
        title: o.title,
        body: o.body,
        createdAt: o.createdAt,
        promotedAt: o.promotedAt,
        promotedByName: o.promotedByName,
        promotionNote: o.promotionNote,
        meTooCount: Number(o.meTooCount),
        canTakeUp: allows(ctx.actor, 'propose', paths.get(o.placeId)!),
      })),
  };
}
