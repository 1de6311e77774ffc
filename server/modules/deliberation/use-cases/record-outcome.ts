import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { draftDecisionFor } from '../../decisions/index.ts';
import type { Tx } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows } from '../deliberation.policy.ts';
import { lockItem } from '../deliberation.repository.ts';
import { moveItem } from './move-item.ts';

export type ConsultationOutcome =
  | { kind: 'decided'; text: string }
  | { kind: 'refer_vote'; text: string; voteTitle: string; matter: number }
  | { kind: 'next_meeting'; text?: string };

/**
 * Stage 3 (会议协商): what a joint meeting settled for an item, in the meeting's transaction. A decision text
 * sends it on to execution; a referral drafts an owners' vote (Civil Code art. 278, through the decisions
 * module's hook) and the item waits for it; "not settled" keeps it for the next meeting. Each is on the
 * item's timeline and in the audit log, and its households are told.
 */
export async function recordConsultationOutcome(tx: Tx, ctx: Ctx, input: { itemId: string; meetingId: string | null; outcome: ConsultationOutcome }) {
  const item = await lockItem(tx, input.itemId);
  if (!item || !allows(ctx.actor, 'read', item.place_path)) throw DeliberationErrors.ITEM_NOT_FOUND();
  if (!allows(ctx.actor, 'consult', item.place_path)) throw CommonErrors.FORBIDDEN();
  if (item.stage !== 'consulting') throw DeliberationErrors.WRONG_STAGE({ stage: item.stage });
  const o = input.outcome;
  const detail = { meetingId: input.meetingId };
  if (o.kind === 'decided') {
    await moveItem(tx, ctx, item, { to: 'executing', kind: 'decided', note: o.text, detail, patch: { decision_text: o.text } });
    return { stage: 'executing' as const };
  }
  if (o.kind === 'next_meeting') {
    await moveItem(tx, ctx, item, { to: 'consulting', kind: 'deferred', note: o.text ?? '', detail, tell: true });
    return { stage: 'consulting' as const };
  }
  if (!Number.isInteger(o.matter) || o.matter < 1 || o.matter > 9) throw DeliberationErrors.NOT_A_MATTER_FOR_OWNERS();
  if (!['compound', 'building', 'unit'].includes(item.place_kind)) throw DeliberationErrors.VOTE_NEEDS_COMPOUND();
  const { id: decisionId } = await draftDecisionFor(tx, ctx, {
    placeId: item.place_id,
    title: o.voteTitle,
    description: o.text,
    matter: o.matter,
    organiserKind: 'residents_committee',
    organiserAuthority: `联席会议决定提交业主表决（议题 ${item.code}）`,
    source: { module: 'deliberation', id: item.id, label: `${item.code} ${item.title}` },
  });
  await moveItem(tx, ctx, item, { to: 'awaiting_vote', kind: 'referred_to_vote', note: o.text, detail: { ...detail, decisionId, matter: o.matter }, patch: { decision_id: decisionId, decision_text: o.text, vote_outcome: null } });
  return { stage: 'awaiting_vote' as const, decisionId };
}
