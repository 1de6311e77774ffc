import { accountsOfPerson, setAccountPerson } from '../../../kernel/auth/accounts.ts';
import { findPlace } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read, type Tx } from '../activation.db.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { currentMembersOfRoom } from '../../registry/index.ts';
import { ActivationErrors } from '../activation.errors.ts';
import { allows, placeFilter } from '../activation.policy.ts';
import { type ClaimRow, decideClaim, findClaim, listClaims, supersedePending } from '../activation.repository.ts';
import type { ApproveClaimBody, ClaimsQuery, RejectClaimBody } from '../activation.schemas.ts';
import { lockRoom } from './claim-room.ts';

/**
 * The residents' committee's review queue: claims that did not activate at once, for the rooms of
 * the reviewer's community. A claim outside the reviewer's scope answers 404.
 */
export async function listClaimsForReview(ctx: Ctx, q: ClaimsQuery) {
  let underPath: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place) throw ActivationErrors.PLACE_NOT_FOUND();
    underPath = place.path;
  }
  return listClaims(read(ctx), { ...q, underPath }, placeFilter(ctx.actor, 'review', 'c.place_id'));
}

async function loadClaim(ctx: Ctx, id: string): Promise<ClaimRow> {
  const claim = await findClaim(read(ctx), id);
  if (!claim || claim.status === 'superseded' || !allows(ctx.actor, 'review', claim.room_path)) throw ActivationErrors.CLAIM_NOT_FOUND();
  return claim;
}

/** One claim with the room's current members (masked), so the reviewer can pick whom to link. */
export async function getClaimForReview(ctx: Ctx, id: string) {
  const claim = await loadClaim(ctx, id);
  const db = read(ctx);
  const claimant = await db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'phone_masked', 'person_id', 'created_at'])
    .where('id', '=', claim.account_id)
    .executeTakeFirstOrThrow();
  const members = await currentMembersOfRoom(db, claim.place_id);
  const withAccounts = await Promise.all(
    members.map(async (m) => ({
      personId: m.personId,
      name: m.name,
      relations: m.relations,
      idNumber: m.idNumberMasked,
      linkedAccounts: (await accountsOfPerson(db, m.personId)).map((a) => ({ id: a.id, phone: a.phone_masked })),
    })),
  );
  return {
    id: claim.id,
    status: claim.status,
    reason: claim.reason,
    method: claim.method,
    claimedName: claim.claimed_name,
    idLast4: claim.id_last4,
    createdAt: claim.created_at,
    decidedAt: claim.decided_at,
    decisionNote: claim.decision_note,
    candidatePersonId: claim.candidate_person_id,
    linkedPersonId: claim.linked_person_id,
    room: { id: claim.place_id, label: claim.room_label },
    claimant: { id: claimant.id, name: claimant.display_name, phone: claimant.phone_masked, activated: !!claimant.person_id, since: claimant.created_at },
    members: withAccounts,
    canDecide: claim.status === 'pending' && claim.account_id !== ctx.actor.accountId,
  };
}

function checkDecidable(ctx: Ctx, claim: ClaimRow) {
  if (claim.status !== 'pending') throw ActivationErrors.CLAIM_NOT_PENDING();
  // Nobody reviews their own claim: a committee member claiming a flat waits for a colleague.
  if (claim.account_id === ctx.actor.accountId) throw CommonErrors.FORBIDDEN();
}

/**
 * Approves a claim: links the claimant's account to a current member of the room (the one the name
 * pointed to unless the reviewer picks another). If another account held that person (a resident
 * who changed phones), that link moves to the claimant. One transaction, audited.
 */
export async function approveClaim(ctx: Ctx, id: string, input: ApproveClaimBody) {
  const claim = await loadClaim(ctx, id);
  checkDecidable(ctx, claim);
  return write(ctx, async (tx) => {
    await lockRoom(tx, claim.place_id);
    const personId = input.personId ?? claim.candidate_person_id;
    if (!personId) throw ActivationErrors.CLAIM_PERSON_REQUIRED();
    const member = (await currentMembersOfRoom(tx, claim.place_id)).find((m) => m.personId === personId);
    if (!member) throw ActivationErrors.CLAIM_PERSON_NOT_MEMBER();
    const claimant = await tx.selectFrom('accounts').select(['id', 'person_id']).where('id', '=', claim.account_id).executeTakeFirstOrThrow();
    if (claimant.person_id && claimant.person_id !== personId) throw ActivationErrors.CLAIM_ACCOUNT_ACTIVATED();
    if (!(await decideClaim(tx, claim.id, { status: 'approved', by: ctx.actor.accountId, at: ctx.kernel.clock.now(), note: input.note ?? null, linkedPersonId: personId }))) {
      throw ActivationErrors.CLAIM_NOT_PENDING();
    }
    const previous = (await accountsOfPerson(tx, personId)).filter((a) => a.id !== claim.account_id);
    for (const other of previous) {
      await setAccountPerson(tx, other.id, null);
      await audit(tx, ctx, {
        action: 'activation.account_unlinked',
        placeId: claim.place_id,
        subjectType: 'account',
        subjectId: other.id,
        before: { personId },
        after: { personId: null },
        detail: { claimId: claim.id },
      });
    }
    await setAccountPerson(tx, claim.account_id, personId, member.name);
    const dropped = await supersedePending(tx, claim.account_id);
    await audit(tx, ctx, {
      action: 'activation.claim_approved',
      placeId: claim.place_id,
      subjectType: 'claim',
      subjectId: claim.id,
      before: { personId: claimant.person_id },
      after: { personId },
      detail: { accountId: claim.account_id, relations: member.relations, movedFrom: previous.length, superseded: dropped.length },
    });
    await tellClaimant(tx, ctx, claim, 'approved', input.note ?? '');
    return { status: 'approved' as const, claimId: claim.id, personId, relations: member.relations };
  });
}

/** Rejects a claim with a reason the claimant will read. */
export async function rejectClaim(ctx: Ctx, id: string, input: RejectClaimBody) {
  const claim = await loadClaim(ctx, id);
  checkDecidable(ctx, claim);
  return write(ctx, async (tx) => {
    if (!(await decideClaim(tx, claim.id, { status: 'rejected', by: ctx.actor.accountId, at: ctx.kernel.clock.now(), note: input.reason, linkedPersonId: null }))) {
      throw ActivationErrors.CLAIM_NOT_PENDING();
    }
    await audit(tx, ctx, { action: 'activation.claim_rejected', placeId: claim.place_id, subjectType: 'claim', subjectId: claim.id, detail: { accountId: claim.account_id } });
    await tellClaimant(tx, ctx, claim, 'rejected', input.reason);
    return { status: 'rejected' as const, claimId: claim.id };
  });
}

/** The claimant hears the review's answer in their inbox (and by WeChat, if they allowed it). */
function tellClaimant(tx: Tx, ctx: Ctx, claim: { id: string; place_id: string; account_id: string; room_label: string }, result: 'approved' | 'rejected', note: string) {
  return notify(tx, ctx, {
    template: 'activation.claim_decided',
    placeId: claim.place_id,
    to: { accounts: [claim.account_id] },
    data: { room: claim.room_label, note, resultZh: result === 'approved' ? '已通过' : '未通过', resultEn: result },
    subject: { type: 'claim', id: claim.id },
  });
}
