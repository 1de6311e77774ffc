import { holdsAny } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationsOfKind, partyPersons } from '../../registry/index.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { read } from '../party.db.ts';
import { MemberErrors } from '../party.members.errors.ts';
import { allows, holdsAnywhere } from '../party.policy.ts';
import { chosenStreet, memberFor } from './members-access.ts';

/** One member record the actor may read, with its organisation's name and what the actor may do with it. */
export async function getMember(ctx: Ctx, id: string) {
  if (!holdsAny(ctx.actor, PARTY_ROLES.membersRead)) throw CommonErrors.FORBIDDEN();
  const m = await memberFor(read(ctx), ctx, id);
  const [org] = await organisationsOfKind(read(ctx), 'party_org', { ids: [m.branch_id ?? m.workplace_org_id!] });
  const manage = allows(ctx.actor, 'membersManage', m.placePath) && m.status === 'active';
  return {
    id: m.id,
    personId: m.person_id,
    personName: m.person_name,
    placeId: m.place_id,
    membership: m.membership,
    branchId: m.branch_id,
    workplaceOrgId: m.workplace_org_id,
    organisationName: org?.name ?? '',
    joinedOn: m.joined_on,
    badgePublic: m.badge_public,
    status: m.status,
    leftOn: m.left_on,
    note: m.note,
    can: { edit: manage, end: manage },
  };
}

/**
 * The person picker of "add a member" (membersManage): persons of the street by name whose registered place lies in
 * the actor's places, at most 20, masked, each saying whether the registry tags them party_member or they already
 * have a record.
 */
export async function searchMemberPersons(ctx: Ctx, q: { streetId?: string | undefined; q: string }) {
  if (!holdsAnywhere(ctx.actor, 'membersManage')) throw CommonErrors.FORBIDDEN();
  const streetId = await chosenStreet(read(ctx), ctx.actor, q.streetId);
  if (!streetId) throw MemberErrors.PERSON_NOT_FOUND();
  const found = await partyPersons(read(ctx), { streetId, q: q.q, limit: 200 });
  const mine = found.filter((p) => allows(ctx.actor, 'membersManage', p.placePath)).slice(0, 20);
  const filed = mine.length
    ? await read(ctx).selectFrom('pty_members').select('person_id').where('street_id', '=', streetId).where('person_id', 'in', mine.map((p) => p.id)).execute()
    : [];
  const has = new Set(filed.map((f) => f.person_id));
  return mine.map((p) => ({ id: p.id, name: p.name, phoneMasked: p.phoneMasked, partyMember: p.partyMember, hasRecord: has.has(p.id) }));
}

/** The organisations a member can be filed in (the street's tree and its workplace organisations), for the forms' selects. */
export async function memberOrganisations(ctx: Ctx, asked: string | undefined) {
  if (!holdsAny(ctx.actor, PARTY_ROLES.membersRead) && !holdsAny(ctx.actor, PARTY_ROLES.treeRead)) throw CommonErrors.FORBIDDEN();
  const streetId = await chosenStreet(read(ctx), ctx.actor, asked);
  if (!streetId) throw MemberErrors.BRANCH_NOT_FOUND();
  const orgs = await organisationsOfKind(read(ctx), 'party_org', { streetId });
  return {
    branches: orgs.filter((o) => o.partyLevel !== 'workplace').map((o) => ({ id: o.id, name: o.name, level: o.partyLevel, placeName: o.placeName })),
    streetId,
    /** The street's property companies: where a branch can be set up (the tree's host links). */
    companies: (await organisationsOfKind(read(ctx), 'property_company', { streetId })).map((o) => ({ id: o.id, name: o.name })),
    workplaceOrgs: orgs.filter((o) => o.partyLevel === 'workplace').map((o) => ({ id: o.id, name: o.name })),
  };
}
