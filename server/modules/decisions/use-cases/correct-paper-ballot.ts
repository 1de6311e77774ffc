import { type Ctx, audit } from '../../../kernel/context.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { CorrectBallotBody } from '../decisions.schemas.ts';
import { decisionFor } from './decision-access.ts';
import { PAPER_ENTRY_STATUSES, paperChoices } from './enter-paper-ballot.ts';
import { paperBallotById } from './list-paper-ballots.ts';
import { overSeats } from './election-ballot.ts';

/**
 * 更正: a paper ballot the checker found not to match its scan is entered again (the choices, or the reason it is
 * invalid) and goes back to be checked. The corrector becomes the one who entered it, so someone else checks it.
 */
export async function correctPaperBallot(ctx: Ctx, id: string, ballotId: string, body: CorrectBallotBody) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: PAPER_ENTRY_STATUSES });
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { status: PAPER_ENTRY_STATUSES });
    const b = await tx.selectFrom('dec_ballots').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', ballotId).forUpdate().executeTakeFirst();
    if (!b || b.channel === 'online') throw DecisionsErrors.BALLOT_NOT_FOUND();
    if (b.status !== 'mismatched') throw DecisionsErrors.BALLOT_NOT_AWAITING();
    const choices = await paperChoices(tx, d, body);
    await tx
      .updateTable('dec_ballots')
      .set({
        status: 'entered',
        choices: choices ? JSON.stringify(choices) : null,
        invalid_reason: body.invalidReason ?? (choices && (await overSeats(tx, d, choices)) ? 'over_selected' : null),
        invalid_note: body.invalidNote ?? null,
        entered_by: ctx.actor.accountId,
        // The check that found the mismatch is in the audit log; this entry waits for a new one.
        checked_by: null,
        checked_at: null,
      })
      .where('street_id', '=', d.street_id)
      .where('id', '=', b.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.paper.corrected',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { ballot: b.id, mismatch: b.mismatch_note, invalid: body.invalidReason ?? null },
    });
    return paperBallotById(tx, d, ctx.actor.accountId, b.id);
  });
}
