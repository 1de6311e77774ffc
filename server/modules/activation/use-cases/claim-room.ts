import { sql } from 'kysely';
import { accountsOfPerson, setAccountPerson } from '../../../kernel/auth/accounts.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read, type Tx } from '../activation.db.ts';
import { normalise } from '../../../kernel/pii/pii.ts';
import { currentMembersOfRoom, type RoomMember, roomFacts } from '../../registry/index.ts';
import { CLAIM_LIMIT, ROOM_CLAIM_LIMIT } from '../activation.constants.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { insertClaim, recentFailures, recentRoomFailures, recordAttempt, roomOfCode, supersedePending } from '../activation.repository.ts';
import type { ClaimMethod, ClaimReason } from '../activation.tables.ts';

/**
 * A resident claims a room: by picking it (compound → building → unit → room) or by the code on
 * the household's activation slip, with their name and the last four characters of their ID number.
 *
 * - Exactly one current member of the room has that name and those ID digits, and no other account
 *   holds that person: the account is linked to the person (activated). Their relation to the room
 *   is the registry's: a tenant stays a tenant; a claim never writes a household.
 * - Anything else (no such name, wrong digits, two people of that name, no ID on record, the person
 *   already linked to another account) files the claim for the residents' committee to review.
 *   The claimant sees "waiting for review" in every such case, so the answer never tells which
 *   part was wrong.
 *
 * Five unsuccessful claims an hour per account, then 429 until the oldest leaves the window. And
 * after ten unsuccessful claims on one room in a day, from any accounts, even a matching claim on
 * that room waits for review (`room_paused`): guessing from many accounts gains nothing.
 */

type ClaimInput = { name: string; idLast4: string };

export async function claimRoom(ctx: Ctx, input: ClaimInput & { roomId: string }) {
  await preflight(ctx);
  const room = await roomFacts(read(ctx), input.roomId);
  if (!room) throw ActivationErrors.ROOM_NOT_FOUND();
  return settle(ctx, 'room', room, input);
}

export async function claimByCode(ctx: Ctx, input: ClaimInput & { code: string }) {
  const room = await roomByCode(ctx, input.code);
  return settle(ctx, 'code', room, input);
}

/**
 * The room a slip's code names (what the H5 shows after scanning). An unknown code counts as an
 * unsuccessful claim, so codes cannot be guessed faster than the claim limit allows.
 */
export async function lookUpCode(ctx: Ctx, code: string) {
  const room = await roomByCode(ctx, code);
  return { room: { id: room.id, label: room.label } };
}

async function roomByCode(ctx: Ctx, code: string) {
  await preflight(ctx);
  const { clock } = ctx.kernel;
  const db = read(ctx);
  const found = await roomOfCode(db, code);
  const room = found && (await roomFacts(db, found.place_id));
  if (!room) {
    await write(ctx, async (tx) => {
      await recordAttempt(tx, { accountId: ctx.actor.accountId, placeId: null, at: clock.now(), outcome: 'failed' });
      await audit(tx, ctx, { action: 'activation.code_unknown', subjectType: 'account', subjectId: ctx.actor.accountId });
    });
    throw ActivationErrors.CODE_NOT_FOUND();
  }
  return room;
}

/** Already activated, or over the failure limit: refused before anything is looked at or written. */
async function preflight(ctx: Ctx) {
  if (ctx.actor.personId) throw ActivationErrors.ALREADY_ACTIVATED();
  await checkClaimLimit(ctx);
}

export async function checkClaimLimit(ctx: Ctx) {
  const now = ctx.kernel.clock.now();
  const failures = await recentFailures(read(ctx), ctx.actor.accountId, now);
  if (failures.count >= CLAIM_LIMIT.failures) {
    const until = (failures.first ?? now).getTime() + CLAIM_LIMIT.windowMs;
    throw ActivationErrors.CLAIM_RATE_LIMITED({ minutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) });
  }
}

/** Claims and decisions on one room take turns, so two accounts can never both take one person. */
export const lockRoom = (tx: Tx, roomId: string) => sql`select pg_advisory_xact_lock(727007, hashtext(${roomId}))`.execute(tx);

/** Names compare without spaces and with full-width letters folded: "王 丽" = "王丽". */
export const sameName = (a: string, b: string) => normalise(a) === normalise(b);

type Verdict = { activate: RoomMember } | { reason: ClaimReason; candidate: RoomMember | null };

/** Matches the typed name and ID digits against the room's current members. */
export function judge(members: RoomMember[], input: ClaimInput, linkedElsewhere: (m: RoomMember) => boolean): Verdict {
  const named = members.filter((m) => sameName(m.name, input.name));
  if (named.length === 0) return { reason: 'no_person_named', candidate: null };
  const digits = normalise(input.idLast4);
  const matching = named.filter((m) => m.idLast4 !== null && m.idLast4 === digits);
  if (matching.length === 1) {
    const m = matching[0]!;
    return linkedElsewhere(m) ? { reason: 'person_linked_elsewhere', candidate: m } : { activate: m };
  }
  if (matching.length > 1 || named.length > 1) return { reason: 'name_ambiguous', candidate: null };
  return { reason: named[0]!.idLast4 === null ? 'no_id_on_record' : 'id_mismatch', candidate: named[0]! };
}

async function settle(ctx: Ctx, method: ClaimMethod, room: { id: string; streetId: string; label: string }, input: ClaimInput) {
  const name = input.name.trim();
  const idLast4 = normalise(input.idLast4);
  return write(ctx, async (tx) => {
    const now = ctx.kernel.clock.now();
    const accountId = ctx.actor.accountId;
    await lockRoom(tx, room.id);
    const members = await currentMembersOfRoom(tx, room.id);
    const linked = new Map<string, boolean>();
    for (const m of members) linked.set(m.personId, (await accountsOfPerson(tx, m.personId)).some((a) => a.id !== accountId));
    const judged = judge(members, { name, idLast4 }, (m) => !!linked.get(m.personId));
    const paused = 'activate' in judged && (await recentRoomFailures(tx, room.id, now)) >= ROOM_CLAIM_LIMIT.failures;
    const verdict: Verdict = paused && 'activate' in judged ? { reason: 'room_paused', candidate: judged.activate } : judged;
    // What the claim records is the same either way; the verdict fills in the rest.
    const claim = { accountId, streetId: room.streetId, placeId: room.id, method, name, idLast4, at: now };

    if ('activate' in verdict) {
      const person = verdict.activate;
      await setAccountPerson(tx, accountId, person.personId, person.name);
      const dropped = await supersedePending(tx, accountId);
      const claimId = await insertClaim(tx, { ...claim, status: 'activated', reason: null, candidatePersonId: person.personId, linkedPersonId: person.personId });
      await recordAttempt(tx, { accountId, placeId: room.id, at: now, outcome: 'activated' });
      await audit(tx, ctx, {
        action: 'activation.claim_activated',
        placeId: room.id,
        subjectType: 'account',
        subjectId: accountId,
        after: { personId: person.personId },
        detail: { claimId, method, relations: person.relations, superseded: dropped.length },
      });
      return { status: 'activated' as const, claimId, room, person: { name: person.name, relations: person.relations } };
    }

    await supersedePending(tx, accountId, room.id);
    const claimId = await insertClaim(tx, {
      ...claim,
      status: 'pending',
      reason: verdict.reason,
      candidatePersonId: verdict.candidate?.personId ?? null,
      linkedPersonId: null,
    });
    await recordAttempt(tx, { accountId, placeId: room.id, at: now, outcome: verdict.reason === 'id_mismatch' || verdict.reason === 'no_person_named' ? 'failed' : 'pending' });
    await audit(tx, ctx, { action: 'activation.claim_filed', placeId: room.id, subjectType: 'claim', subjectId: claimId, detail: { method, reason: verdict.reason } });
    return { status: 'pending' as const, claimId, room };
  });
}
