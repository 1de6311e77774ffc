import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { partyPersons } from '../../registry/index.ts';
import { type Tx, write } from '../party.db.ts';
import { MemberErrors } from '../party.members.errors.ts';
import { allows as allowsAt, holdsAnywhere } from '../party.policy.ts';
import type { MemberBody } from '../party.members.schemas.ts';
import { checkJoined, checkOrganised } from './members-validate.ts';

/**
 * Files a registry person as a party member (membersManage at the member's place). The place is where the person is
 * registered (a community or below); a local member registered at the street itself is filed at their branch's place.
 * A person is a member once per street (MEMBER_EXISTS), the organisation follows the rules of members-validate.ts,
 * and the joining date is not in the future. One audit entry.
 */
export async function createMember(ctx: Ctx, input: MemberBody & { badgePublic?: boolean }) {
  return write(ctx, (tx) => addMember(tx, ctx, input));
}

/** createMember inside a caller's transaction (the demo seed files hundreds in one). */
export async function addMember(tx: Tx, ctx: Ctx, input: MemberBody & { badgePublic?: boolean }) {
  if (!holdsAnywhere(ctx.actor, 'membersManage')) throw CommonErrors.FORBIDDEN();
  checkJoined(ctx, input.joinedOn);
  const [person] = await partyPersons(tx, { ids: [input.personId] });
  if (!person) throw MemberErrors.PERSON_NOT_FOUND();
  const organised = await checkOrganised(tx, person.streetId, input);
  const home = await findPlace(tx, person.placeId);
  let place = home && home.kind !== 'street' ? home : undefined;
  if (!place) {
    if (input.membership === 'employed') throw MemberErrors.MEMBER_NO_HOME();
    place = await findPlace(tx, organised.org.placeId);
  }
  if (!place) throw MemberErrors.PERSON_NOT_FOUND();
  if (!allowsAt(ctx.actor, 'membersManage', place.path)) {
    if (ctx.actor.grants.some((g) => place.path.startsWith(g.placePath))) throw CommonErrors.FORBIDDEN();
    throw MemberErrors.PERSON_NOT_FOUND();
  }
  const exists = await tx.selectFrom('pty_members').select('id').where('street_id', '=', person.streetId).where('person_id', '=', person.id).executeTakeFirst();
  if (exists) throw MemberErrors.MEMBER_EXISTS();
  const id = newId();
  const now = ctx.kernel.clock.now();
  await tx
    .insertInto('pty_members')
    .values({
      street_id: person.streetId,
      id,
      person_id: person.id,
      person_name: person.name,
      place_id: place.id,
      membership: input.membership,
      branch_id: organised.branchId,
      workplace_org_id: organised.workplaceOrgId,
      joined_on: input.joinedOn,
      badge_public: input.badgePublic ?? false,
      badge_changed_at: input.badgePublic ? now : null,
      note: input.note ?? '',
      created_by: ctx.actor.grants.length ? ctx.actor.accountId : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await audit(tx, ctx, {
    action: 'party.members.created',
    placeId: place.id,
    subjectType: 'pty_member',
    subjectId: id,
    detail: { membership: input.membership, organisationId: organised.branchId ?? organised.workplaceOrgId, joinedOn: input.joinedOn },
  });
  return { id, placeId: place.id };
}
