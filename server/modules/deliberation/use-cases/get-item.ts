import type { Ctx } from '../../../kernel/context.ts';
import { decisionOutcomes } from '../../decisions/index.ts';
import { STAGE_STEP } from '../deliberation.constants.ts';
import { read } from '../deliberation.db.ts';
import { settingsFor } from '../deliberation.repository.ts';
import { itemForStaff, staffCan } from './item-access.ts';
import { itemSources, itemTimeline } from './item-timeline.ts';

/**
 * An item for the workbench: its record, sources (an opinion links to its page), supporting households, the
 * decision and the owners' vote it was referred to, the timeline, and what the actor may do now.
 */
export async function getItem(ctx: Ctx, id: string) {
  const db = read(ctx);
  const item = await itemForStaff(db, ctx.actor, id, false);
  const [sources, events, settings, decision, mergedInto, mergedFrom] = await Promise.all([
    itemSources(db, item),
    itemTimeline(db, item),
    settingsFor(db, item.street_id, item.place_path),
    item.decision_id ? decisionOutcomes(db, [item.decision_id]).then((d) => d[0] ?? null) : Promise.resolve(null),
    item.merged_into ? db.selectFrom('dlb_items').select(['id', 'code', 'title']).where('street_id', '=', item.street_id).where('id', '=', item.merged_into).executeTakeFirst() : Promise.resolve(undefined),
    db.selectFrom('dlb_items').select(['id', 'code', 'title']).where('street_id', '=', item.street_id).where('merged_into', '=', item.id).orderBy('code').execute(),
  ]);
  return {
    id: item.id,
    code: item.code,
    title: item.title,
    description: item.description,
    placeId: item.place_id,
    placeName: item.place_name,
    placeKind: item.place_kind,
    sourceKind: item.source_kind,
    stage: item.stage,
    step: STAGE_STEP[item.stage],
    supporterCount: item.supporter_count,
    supportThreshold: settings.supportThreshold,
    listedAt: item.listed_at,
    rejectedReason: item.rejected_reason,
    decisionText: item.decision_text,
    voteOutcome: item.vote_outcome,
    decision: decision && { id: decision.id, title: decision.title, status: decision.status, outcome: decision.outcome, publishedAt: decision.publishedAt },
    mergedInto: mergedInto ?? null,
    mergedFrom,
    progressPercent: item.progress_percent,
    isPublic: item.is_public,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    sources,
    events,
    can: staffCan(ctx.actor, item),
  };
}
