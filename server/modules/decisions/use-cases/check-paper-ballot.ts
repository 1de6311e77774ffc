import { type Ctx, audit } from '../../../kernel/context.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { BallotStatus } from '../decisions.tables.ts';
import { decisionFor } from './decision-access.ts';
import { PAPER_ENTRY_STATUSES } from './enter-paper-ballot.ts';
import { paperBallotById } from './list-paper-ballots.ts';
import { settingsFor } from './rules-in-force.ts';
import { notifyBallotCounted, settleBallot } from './settle-ballot.ts';

/**
 * 核对: a second user compares an entered paper ballot with its scan. Never the one who entered it (four eyes).
 * - mismatch → 'mismatched', with what differs; it counts only after a correction and a new check;
 * - match on an invalid sheet → 'invalid': recorded with its reason, neither a vote nor an abstention;
 * - match on a proxy ballot whose power of attorney is not checked yet → 'held' until it is;
 * - otherwise the ballot counts, unless the owner's ballot in the other channel prevails (settle-ballot.ts) — and
 *   the owners of the head are told a ballot now counts for them.
 */
export async function checkPaperBallot(ctx: Ctx, id: string, ballotId: string, body: { verdict: 'match' | 'mismatch'; note?: string }) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: PAPER_ENTRY_STATUSES });
  if (body.verdict === 'mismatch' && !body.note) throw DecisionsErrors.MISMATCH_NOTE_REQUIRED();
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { status: PAPER_ENTRY_STATUSES });
    const found = await tx.selectFrom('dec_ballots').select(['entry_id']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', ballotId).executeTakeFirst();
    if (!found) throw DecisionsErrors.BALLOT_NOT_FOUND();
    // The head's lock first, as every ballot of the head takes it, then the ballot itself.
    const entry = await tx.selectFrom('dec_roll_entries').select(['id', 'no', 'person_ids']).where('street_id', '=', d.street_id).where('id', '=', found.entry_id).forUpdate().executeTakeFirstOrThrow();
    const b = await tx.selectFrom('dec_ballots').selectAll().where('street_id', '=', d.street_id).where('id', '=', ballotId).forUpdate().executeTakeFirstOrThrow();
    if (b.status !== 'entered') throw DecisionsErrors.BALLOT_NOT_AWAITING();
    if (b.entered_by === ctx.actor.accountId) throw DecisionsErrors.SAME_USER_CHECK();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('dec_ballots')
      .set({ checked_by: ctx.actor.accountId, checked_at: now, mismatch_note: body.verdict === 'mismatch' ? body.note! : null, ...(body.verdict === 'mismatch' ? { status: 'mismatched' } : {}) })
      .where('street_id', '=', d.street_id)
      .where('id', '=', b.id)
      .execute();
    const outcome = body.verdict === 'mismatch' ? 'mismatched' : await countIfDue();
    async function countIfDue(): Promise<BallotStatus> {
      const proxy = b.proxy_id ? await tx.selectFrom('dec_proxies').select('status').where('street_id', '=', d.street_id).where('id', '=', b.proxy_id).executeTakeFirstOrThrow() : null;
      // A proxy whose power of attorney was rejected meanwhile never voted: the sheet is invalid for that reason.
      const rejected = !b.invalid_reason && proxy?.status === 'rejected';
      const waits = b.invalid_reason || rejected ? 'invalid' : proxy && proxy.status !== 'checked' ? 'held' : null;
      if (waits) {
        await tx
          .updateTable('dec_ballots')
          .set({ status: waits, ...(rejected ? { invalid_reason: 'proxy_rejected' as const } : {}) })
          .where('street_id', '=', d.street_id)
          .where('id', '=', b.id)
          .execute();
        return waits;
      }
      const settled = await settleBallot(tx, d, await settingsFor(tx, d), { id: b.id, entryId: entry.id, channel: b.channel, choices: b.choices!, at: now });
      if (settled.status === 'counted') await notifyBallotCounted(tx, ctx, d, entry.person_ids, b.channel, settled.receipt);
      return settled.status;
    }
    await audit(tx, ctx, {
      action: 'decisions.paper.checked',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { ballot: b.id, entry: entry.no, verdict: body.verdict, outcome },
    });
    return paperBallotById(tx, d, ctx.actor.accountId, b.id);
  });
}
