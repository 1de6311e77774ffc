import { audit, type Ctx } from '../../../kernel/context.ts';
import { type Tx, write } from '../deliberation.db.ts';
import { MeetingsErrors } from '../meetings.errors.ts';
import type { OutcomeBody } from '../meetings.schemas.ts';
import { recordConsultationOutcome } from './record-outcome.ts';
import { meetingFor } from './meeting-access.ts';

type Outcome = Parameters<typeof recordConsultationOutcome>[2]['outcome'];

/**
 * Writes an agenda item's outcome on the meeting and moves the item on (the foundation's recordConsultationOutcome:
 * decided → executing, refer_vote → awaiting_vote with a draft owners' decision, next_meeting → stays consulting),
 * in the caller's transaction.
 */
export async function applyMeetingOutcome(tx: Tx, ctx: Ctx, m: { street_id: string; id: string }, itemId: string, outcome: Outcome) {
  const moved = await recordConsultationOutcome(tx, ctx, { itemId, meetingId: m.id, outcome });
  await tx
    .updateTable('dlb_meeting_agenda')
    .set({ outcome_kind: outcome.kind, outcome_text: outcome.text ?? null, outcome_at: ctx.kernel.clock.now(), decision_id: moved.decisionId ?? null })
    .where('street_id', '=', m.street_id)
    .where('meeting_id', '=', m.id)
    .where('item_id', '=', itemId)
    .execute();
  return moved;
}

/** The outcome of one agenda item, once (a second answers 409), while the meeting is open. */
export async function recordMeetingOutcome(ctx: Ctx, id: string, itemId: string, body: OutcomeBody) {
  return write(ctx, async (tx) => {
    const m = await meetingFor(tx, ctx.actor, id, 'manage', { forUpdate: true, open: true });
    const row = await tx.selectFrom('dlb_meeting_agenda').select(['outcome_kind']).where('street_id', '=', m.street_id).where('meeting_id', '=', m.id).where('item_id', '=', itemId).executeTakeFirst();
    if (!row) throw MeetingsErrors.ITEM_NOT_ON_AGENDA();
    if (row.outcome_kind) throw MeetingsErrors.OUTCOME_RECORDED();
    const outcome: Outcome =
      body.kind === 'refer_vote'
        ? { kind: 'refer_vote', text: body.text, voteTitle: body.voteTitle, matter: body.matter }
        : body.kind === 'decided'
          ? { kind: 'decided', text: body.text }
          : { kind: 'next_meeting', ...(body.text ? { text: body.text } : {}) };
    const moved = await applyMeetingOutcome(tx, ctx, m, itemId, outcome);
    await audit(tx, ctx, {
      action: 'deliberation.meeting.outcome_recorded',
      placeId: m.place_id,
      subjectType: 'deliberation_meeting',
      subjectId: m.id,
      detail: { item: itemId, kind: body.kind, stage: moved.stage, decision: moved.decisionId ?? null },
    });
    return { itemId, kind: body.kind, stage: moved.stage, decisionId: moved.decisionId ?? null };
  });
}
