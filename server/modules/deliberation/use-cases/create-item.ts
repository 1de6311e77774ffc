import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows } from '../deliberation.policy.ts';
import { insertItem } from '../deliberation.repository.ts';
import type { CreateItemBody } from '../items.schemas.ts';
import { ITEM_PLACE_KINDS, recordCreation } from './item-access.ts';

const SOURCE_LABELS = { official: '工作人员登记', grid_report: '网格员上报', meeting: '会议提出' } as const;

/**
 * An official's own item, a grid worker's report or one raised at a meeting (`propose`): officials bring matters
 * they have weighed already, so it goes onto the stage-2 list at once (listed now) — stage 2 still decides.
 */
export function createItem(ctx: Ctx, input: CreateItemBody) {
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, input.placeId);
    if (!place || !allows(ctx.actor, 'read', place.path)) throw DeliberationErrors.PLACE_NOT_FOUND();
    if (!allows(ctx.actor, 'propose', place.path)) throw CommonErrors.FORBIDDEN();
    if (!place.street_id) throw DeliberationErrors.PLACE_ABOVE_STREET();
    if (!(ITEM_PLACE_KINDS as readonly string[]).includes(place.kind)) throw DeliberationErrors.PLACE_KIND();
    const gridWorker = ctx.actor.grants.some((g) => g.role === 'grid_worker' && place.path.startsWith(g.placePath));
    const sourceKind = input.sourceKind ?? (gridWorker ? 'grid_report' : 'official');
    if (sourceKind === 'meeting' && !input.sourceRefId) throw DeliberationErrors.MEETING_REF_REQUIRED();
    const now = ctx.kernel.clock.now();
    const id = newId();
    const { code } = await insertItem(tx, {
      streetId: place.street_id,
      id,
      placeId: place.id,
      title: input.title,
      description: input.description,
      sourceKind,
      source: { refId: sourceKind === 'meeting' ? input.sourceRefId! : null, label: input.sourceLabel || SOURCE_LABELS[sourceKind] },
      stage: 'agenda',
      listedAt: now,
      isPublic: input.isPublic,
      createdBy: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      at: now,
      year: shanghaiYear(now),
    });
    await recordCreation(tx, ctx, { streetId: place.street_id, id, stage: 'agenda', kind: 'created', detail: { sourceKind } });
    await audit(tx, ctx, {
      action: 'deliberation.item.created',
      placeId: place.id,
      subjectType: 'deliberation_item',
      subjectId: id,
      after: { code, title: input.title, stage: 'agenda', sourceKind },
    });
    return { id, code, stage: 'agenda' as const };
  });
}

/** The year of an instant in China (an item's code counts per year as people there read the date). */
export function shanghaiYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}
