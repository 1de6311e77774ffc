import { type ApprovalHandler, requestApproval } from '../../../kernel/approvals/approvals.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { type Tx, write } from '../party.db.ts';
import { ADMONITION_APPROVAL } from '../party.letters.constants.ts';
import { LettersErrors } from '../party.letters.errors.ts';
import type { AdmonitionBody } from '../party.letters.schemas.ts';
import { allows } from '../party.policy.ts';
import { membersByIds } from './member-of-person.ts';
import { accountOf, visibleLetter, writableCommunity } from './letters-access.ts';
import { workplaceOrg } from './letters-create-annual.ts';
import { communityPartyOrgName } from './letters-lines.ts';
import { notifyLiaisons } from './letters-notify.ts';

/**
 * 发起函告: community staff draft a letter to a workplace organisation about one of its employed members who
 * obstructed a compound's lawful management — the subject and the facts. It is sent only once the community party
 * organisation approves it (requestAdmonitionApproval).
 */
export async function draftAdmonition(ctx: Ctx, input: AdmonitionBody) {
  return write(ctx, async (tx) => {
    const community = await writableCommunity(tx, ctx, input.communityId);
    const streetId = community.street_id!;
    const org = await workplaceOrg(tx, streetId, input.organisationId);
    const [member] = await membersByIds(tx, streetId, [input.memberId]);
    if (!member || member.membership !== 'employed' || member.status !== 'active' || member.workplaceOrgId !== org.id) throw LettersErrors.NOT_EMPLOYED_MEMBER();
    const id = newId();
    await tx
      .insertInto('pty_letters')
      .values({
        street_id: streetId,
        id,
        kind: 'admonition',
        community_id: community.id,
        organisation_id: org.id,
        organisation_name: org.name,
        member_id: member.id,
        subject: input.subject,
        body: JSON.stringify({ facts: input.facts }),
        status: 'draft',
        created_by: accountOf(ctx),
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, {
      action: 'party.letters.created',
      placeId: community.id,
      subjectType: 'pty_letter',
      subjectId: id,
      after: { kind: 'admonition', organisationId: org.id, organisationName: org.name, memberId: member.id, subject: input.subject },
    });
    return { id, status: 'draft' as const };
  });
}

/** 提请审批: a draft (or turned-down) 函告 goes to the community party organisation's approval (another account). */
export async function requestAdmonitionApproval(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const l = await visibleLetter(tx, ctx, id);
    if (!allows(ctx.actor, 'lettersWrite', l.communityPath)) throw CommonErrors.FORBIDDEN();
    if (l.kind !== 'admonition') throw LettersErrors.WRONG_STATUS();
    const previous = l.approval_id ? await tx.selectFrom('approvals').select('status').where('street_id', '=', l.street_id).where('id', '=', l.approval_id).executeTakeFirst() : undefined;
    const again = l.status === 'pending_approval' && previous?.status === 'rejected';
    if (l.status !== 'draft' && !again) throw LettersErrors.WRONG_STATUS();
    const member = (await membersByIds(tx, l.street_id, [l.member_id!]))[0]!;
    const summary = `函告：${l.communityName}致${l.organisation_name}，关于${member.personName}同志——${l.subject}`;
    const approval = await requestApproval(tx, ctx, { kind: ADMONITION_APPROVAL, placeId: l.community_id, summary, payload: { streetId: l.street_id, letterId: l.id } });
    await tx.updateTable('pty_letters').set({ status: 'pending_approval', approval_id: approval.approvalId }).where('street_id', '=', l.street_id).where('id', '=', l.id).execute();
    await audit(tx, ctx, {
      action: 'party.letters.approval_requested',
      placeId: l.community_id,
      subjectType: 'pty_letter',
      subjectId: l.id,
      after: { approvalId: approval.approvalId },
    });
    return { id: l.id, status: 'pending_approval' as const, approvalId: approval.approvalId };
  });
}

/**
 * Applied when the community's secretary (a second account) approves: the 函告 is sent, the member is told (in-app,
 * and by SMS to the phone of their account) and so are the organisation's liaison(s).
 */
export const admonitionApproval: ApprovalHandler = {
  kind: ADMONITION_APPROVAL,
  approverRoles: PARTY_ROLES.lettersApprove,
  async apply(tx: Tx, ctx: Ctx, payload: { streetId: string; letterId: string }) {
    const l = await tx
      .selectFrom('pty_letters as l')
      .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'l.street_id').onRef('c.id', '=', 'l.community_id'))
      .selectAll('l')
      .select(['c.name as communityName', 'c.path as communityPath'])
      .where('l.street_id', '=', payload.streetId)
      .where('l.id', '=', payload.letterId)
      .forUpdate('l')
      .executeTakeFirst();
    if (!l || l.kind !== 'admonition' || l.status !== 'pending_approval') throw LettersErrors.WRONG_STATUS();
    const member = (await membersByIds(tx, l.street_id, [l.member_id!]))[0]!;
    const body = (typeof l.body === 'string' ? JSON.parse(l.body) : l.body) as { facts: string };
    const communityPartyOrg = await communityPartyOrgName(tx, l.street_id, { id: l.community_id, name: l.communityName, path: l.communityPath });
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('pty_letters')
      .set({ status: 'sent', sent_at: now, body: JSON.stringify({ facts: body.facts, communityPartyOrg }) })
      .where('street_id', '=', l.street_id)
      .where('id', '=', l.id)
      .execute();
    const told = await notify(tx, ctx, {
      template: 'party.letters_admonition_member',
      placeId: l.community_id,
      to: { persons: [member.personId] },
      channels: ['inbox', 'sms'],
      data: { communityName: l.communityName, organisationName: l.organisation_name, subject: l.subject },
      subject: { type: 'pty_letter', id: l.id },
    });
    const liaisons = await notifyLiaisons(tx, ctx, { streetId: l.street_id, id: l.id, kind: 'admonition', communityId: l.community_id, communityName: l.communityName, organisationId: l.organisation_id, subject: l.subject });
    await audit(tx, ctx, {
      action: 'party.letters.sent',
      placeId: l.community_id,
      subjectType: 'pty_letter',
      subjectId: l.id,
      after: { kind: 'admonition', memberId: member.id, organisationName: l.organisation_name, memberNotified: told.recipients, liaisonsNotified: liaisons },
    });
    return { letterId: l.id, status: 'sent', memberNotified: told.recipients };
  },
};
