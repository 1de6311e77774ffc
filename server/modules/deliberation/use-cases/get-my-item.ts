import type { Ctx } from '../../../kernel/context.ts';
import { decisionOutcomes } from '../../decisions/index.ts';
import { STAGE_STEP } from '../deliberation.constants.ts';
import { read } from '../deliberation.db.ts';
import { settingsFor } from '../deliberation.repository.ts';
import { itemForResident, loadItem } from './item-access.ts';
import { itemSources, itemTimeline } from './item-timeline.ts';

/** Timeline steps whose note residents read (a reason, a decision, a vote's result); other notes stay internal. */
const PUBLIC_NOTES = new Set(['listed', 'rejected', 'decided', 'referred_to_vote', 'vote_passed', 'vote_failed', 'merged']);
/** Steps residents take themselves; every other step is the organisations' (or the system's). */
const RESIDENT_STEPS = new Set(['proposed']);

/**
 * An item as a resident of its place sees it (H5): the public parts only — what it is, where it stands, how many
 * households support it, why it was declined, what was decided — and a timeline in plain words without staff
 * names (organisation-level: "社区/物委会", the system) or internal notes.
 */
export async function getMyItem(ctx: Ctx, id: string) {
  const db = read(ctx);
  const item = await loadItem(db, id);
  const me = await itemForResident(db, ctx.actor, item);
  const it = item!;
  const [sources, events, settings, decision, mergedInto] = await Promise.all([
    itemSources(db, it),
    itemTimeline(db, it),
    settingsFor(db, it.street_id, it.place_path),
    it.decision_id ? decisionOutcomes(db, [it.decision_id]).then((d) => d[0] ?? null) : Promise.resolve(null),
    it.merged_into ? db.selectFrom('dlb_items').select(['id', 'code', 'title']).where('street_id', '=', it.street_id).where('id', '=', it.merged_into).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  return {
    id: it.id,
    code: it.code,
    title: it.title,
    description: it.description,
    placeName: it.place_name,
    sourceKind: it.source_kind,
    sourceKinds: [...new Set(sources.map((s) => s.kind))],
    stage: it.stage,
    step: STAGE_STEP[it.stage],
    supporterCount: it.supporter_count,
    supportThreshold: settings.supportThreshold,
    rejectedReason: it.rejected_reason,
    decisionText: it.decision_text,
    voteOutcome: it.vote_outcome,
    decision: decision && { id: decision.id, title: decision.title, outcome: decision.outcome },
    mergedInto: mergedInto ?? null,
    progressPercent: it.progress_percent,
    createdAt: it.created_at,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      from: e.from,
      to: e.to,
      by: e.actorId === null ? ('system' as const) : RESIDENT_STEPS.has(e.kind) ? ('resident' as const) : ('organisation' as const),
      note: PUBLIC_NOTES.has(e.kind) ? e.note : '',
    })),
    supported: me.supported,
    can: { support: me.canSupport },
  };
}
