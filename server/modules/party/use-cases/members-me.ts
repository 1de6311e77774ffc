import { audit, type Ctx } from '../../../kernel/context.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import { read, write } from '../party.db.ts';
import { PartyErrors } from '../party.errors.ts';
import { memberOfPerson } from './member-of-person.ts';

/** The signed-in resident's own member record (我的党员身份): organisation, joining date, the badge; NOT_A_MEMBER otherwise. */
export async function getMyMembership(ctx: Ctx) {
  const m = ctx.actor.personId ? await memberOfPerson(read(ctx), ctx.actor.personId) : undefined;
  if (!m || m.status !== 'active') throw PartyErrors.NOT_A_MEMBER();
  const [org] = await organisationsOfKind(read(ctx), 'party_org', { ids: [m.branchId ?? m.workplaceOrgId!] });
  return { id: m.id, personName: m.personName, membership: m.membership, organisationName: org?.name ?? '', joinedOn: m.joinedOn, badgePublic: m.badgePublic };
}

/** The member shows or hides their party identity (亮明党员身份): only the member, keyed by the actor's person. Audited. */
export async function setMyBadge(ctx: Ctx, input: { public: boolean }) {
  return write(ctx, async (tx) => {
    const m = ctx.actor.personId ? await memberOfPerson(tx, ctx.actor.personId) : undefined;
    if (!m || m.status !== 'active') throw PartyErrors.NOT_A_MEMBER();
    if (m.badgePublic !== input.public) {
      const now = ctx.kernel.clock.now();
      await tx.updateTable('pty_members').set({ badge_public: input.public, badge_changed_at: now, updated_at: now }).where('street_id', '=', m.streetId).where('id', '=', m.id).execute();
    }
    await audit(tx, ctx, { action: 'party.members.badge_set', placeId: m.placeId, subjectType: 'pty_member', subjectId: m.id, detail: { public: input.public } });
    return { badgePublic: input.public };
  });
}

/** For the resident home: a member's 党员之家 entry (their organisation's name), or nothing. */
export async function myMemberHome(ctx: Ctx): Promise<object> {
  if (!ctx.actor.personId) return {};
  const m = await memberOfPerson(read(ctx), ctx.actor.personId);
  if (!m || m.status !== 'active') return {};
  const [org] = await organisationsOfKind(read(ctx), 'party_org', { ids: [m.branchId ?? m.workplaceOrgId!] });
  return { partyMember: { organisationName: org?.name ?? '', badgePublic: m.badgePublic } };
}
