import { type Ctx, audit } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { consumeOtp, verifyOtp } from '../../activation/index.ts';
import { BALLOT_CODE_PURPOSE } from '../decisions.constants.ts';
import { type Executor, read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { itemsOf, loadDecisionRow } from '../decisions.repository.ts';
import type { BallotBody } from '../decisions.schemas.ts';
import { decisionForOwner } from './owner-access.ts';
import { chainBallot, receiptOfBallot } from './ballot-chain.ts';
import { settingsFor } from './rules-in-force.ts';
import { notifyBallotCounted } from './settle-ballot.ts';
import { overSeats } from './election-ballot.ts';

const byKey = (db: Executor, streetId: string, decisionId: string, requestKey: string) =>
  db
    .selectFrom('dec_ballots')
    .select(['id', 'entry_id', 'account_id', 'status', 'cast_at', 'receipt'])
    .where('street_id', '=', streetId)
    .where('decision_id', '=', decisionId)
    .where('request_key', '=', requestKey)
    .executeTakeFirst();

const answer = (b: { id: string; entry_id: string; status: string; cast_at: Date; receipt: string | null }) => ({ id: b.id, entryId: b.entry_id, status: b.status, castAt: b.cast_at, receipt: b.receipt });

/**
 * An owner's online ballot: every item at once, confirmed with the SMS code sent to their phone, in one
 * transaction with the code's use and the audit entry.
 *
 * - Only the owner (or the co-owners' representative) of a live roll entry votes: tenants and family members
 *   are not on the roll (NOT_AN_OWNER), a co-owner who is not the representative is told who is.
 * - Idempotent on the client's `requestKey`: a retry of a ballot that was recorded answers that ballot, even
 *   after its code was spent.
 * - A second ballot for the same entry supersedes the first only when the decision's rules allow a change;
 *   the first stays, marked superseded and pointing at its successor — never deleted.
 * - Beside the owner's counted paper ballot the rules' precedence decides: online prevails by default (the paper
 *   one is kept, marked duplicate); where paper prevails the online ballot is refused (PAPER_PREVAILS).
 */
export async function castBallot(ctx: Ctx, id: string, input: BallotBody & { entryId: string }) {
  const db = read(ctx);
  const { decision: d, entries, personId } = await decisionForOwner(db, ctx, id);
  const entry = entries.find((e) => e.id === input.entryId);
  if (!entry) throw DecisionsErrors.NOT_AN_OWNER();
  const retried = await byKey(db, d.street_id, d.id, input.requestKey);
  if (retried && retried.account_id === ctx.actor.accountId) return answer(retried);
  if (entry.representative_id !== personId) throw DecisionsErrors.NOT_REPRESENTATIVE({ name: entry.label });
  const items = await itemsOf(db, d.street_id, d.id);
  const keys = Object.keys(input.choices);
  if (keys.length !== items.length || !items.every((i) => input.choices[String(i.no)])) throw DecisionsErrors.CHOICES_INCOMPLETE();
  const over = await overSeats(db, d, input.choices);
  if (over) throw DecisionsErrors.TOO_MANY_CHOSEN({ seats: over.seats }, { seats: over.seats });
  assertVotingOpen(d, ctx.kernel.clock.now());

  const account = await db.selectFrom('accounts').select('phone_enc').where('id', '=', ctx.actor.accountId).executeTakeFirst();
  if (!account?.phone_enc) throw DecisionsErrors.NOT_AN_OWNER();
  const who = { accountId: ctx.actor.accountId, name: ctx.actor.name, requestId: ctx.actor.requestId ?? undefined };
  const { otpId } = await verifyOtp(ctx.kernel, { phone: ctx.kernel.pii.decrypt(account.phone_enc), purpose: BALLOT_CODE_PURPOSE, code: input.code }, who);

  try {
    return await write(ctx, async (tx) => {
      // Shared lock: ballots go in side by side, but not while the decision is being closed.
      const now = ctx.kernel.clock.now();
      const locked = await tx.selectFrom('dec_decisions').select('id').where('street_id', '=', d.street_id).where('id', '=', d.id).forShare().executeTakeFirst();
      const fresh = locked && (await loadDecisionRow(tx, d.id));
      if (!fresh) throw DecisionsErrors.DECISION_NOT_FOUND();
      assertVotingOpen(fresh, now);
      await consumeOtp(tx, otpId, now);
      // One ballot at a time per head: a second device of the same owner waits, then sees the first.
      await tx.selectFrom('dec_roll_entries').select('id').where('street_id', '=', d.street_id).where('id', '=', entry.id).forUpdate().execute();
      const previous = await tx
        .selectFrom('dec_ballots')
        .select(['id', 'channel'])
        .where('street_id', '=', d.street_id)
        .where('decision_id', '=', d.id)
        .where('entry_id', '=', entry.id)
        .where('status', '=', 'counted')
        .executeTakeFirst();
      const settings = await settingsFor(tx, fresh);
      if (!settings.channels.value.online) throw DecisionsErrors.ONLINE_NOT_ALLOWED();
      // Beside a counted paper (or proxy) ballot the rules' precedence decides, whatever they say of changing one's vote.
      const overPaper = previous && previous.channel !== 'online';
      if (overPaper && settings.prevails.value === 'paper') throw DecisionsErrors.PAPER_PREVAILS();
      if (previous && !overPaper && !settings.revote.value) throw DecisionsErrors.REVOTE_NOT_ALLOWED();
      const ballotId = newId();
      const choices = Object.fromEntries(items.map((i) => [String(i.no), input.choices[String(i.no)]!]));
      if (previous) {
        await tx
          .updateTable('dec_ballots')
          .set(overPaper ? { status: 'duplicate', duplicate_of: ballotId } : { status: 'superseded', superseded_by: ballotId })
          .where('street_id', '=', d.street_id)
          .where('id', '=', previous.id)
          .execute();
      }
      await tx
        .insertInto('dec_ballots')
        .values({
          street_id: d.street_id,
          id: ballotId,
          decision_id: d.id,
          entry_id: entry.id,
          account_id: ctx.actor.accountId,
          channel: 'online',
          choices: JSON.stringify(choices),
          status: 'counted',
          request_key: input.requestKey,
          cast_at: now,
        })
        .execute();
      // The ballot's record is its place in the decision's hash chain (the module's audit stand-in), last in the
      // transaction: that chain's lock is held from here to the commit, by this decision's ballots only.
      const receipt = await chainBallot(tx, fresh, {
        id: ballotId,
        entryId: entry.id,
        choices,
        channel: 'online',
        at: now,
        supersedes: await receiptOfBallot(tx, fresh, previous?.id ?? null),
      });
      // Every owner of the entry hears that a ballot was cast in their name, with its receipt to check on the board.
      await notifyBallotCounted(tx, ctx, fresh, entry.person_ids, 'online', receipt);
      // A decision opened before the ledger has no chain: the audit log records its ballots (never the choices).
      if (!receipt) {
        await audit(tx, ctx, {
          action: previous && !overPaper ? 'decisions.ballot.changed' : 'decisions.ballot.cast',
          placeId: d.place_id,
          subjectType: 'decision',
          subjectId: d.id,
          detail: { entry: entry.no, ballot: ballotId, ...(previous ? { [overPaper ? 'duplicate' : 'superseded']: previous.id } : {}) },
        });
      }
      return { id: ballotId, entryId: entry.id, status: 'counted', castAt: now, receipt };
    });
  } catch (err) {
    // Two tries with one key racing: the loser finds the winner's ballot (and its spent code) and answers it.
    if (err instanceof AppError && err.code === 'OTP_EXPIRED') {
      const won = await byKey(db, d.street_id, d.id, input.requestKey);
      if (won && won.account_id === ctx.actor.accountId) return answer(won);
    }
    if ((err as { code?: string }).code === '23505') {
      const won = await byKey(db, d.street_id, d.id, input.requestKey);
      if (won && won.account_id === ctx.actor.accountId) return answer(won);
    }
    throw err;
  }
}

function assertVotingOpen(d: { status: string; opens_at: Date | null; closes_at: Date | null }, now: Date): void {
  if (d.status !== 'open' || !d.opens_at || !d.closes_at || now < d.opens_at || now >= d.closes_at) throw DecisionsErrors.VOTING_CLOSED();
}
