import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import { type Tx, write } from '../party.db.ts';
import { MemberErrors } from '../party.members.errors.ts';
import { allows, holdsAnywhere } from '../party.policy.ts';

/**
 * Links a party branch to the organisation it is set up in (企业党支部: a property company of the same street), or
 * unlinks it (`hostOrgId` null): membersManage at the branch's place. Coverage counts a company with its own branch.
 */
export async function linkBranchHost(ctx: Ctx, branchId: string, input: { hostOrgId: string | null }) {
  if (!holdsAnywhere(ctx.actor, 'membersManage')) throw CommonErrors.FORBIDDEN();
  return write(ctx, (tx) => putBranchHost(tx, ctx, branchId, input));
}

/** linkBranchHost inside a caller's transaction (the demo seed). */
export async function putBranchHost(tx: Tx, ctx: Ctx, branchId: string, input: { hostOrgId: string | null }) {
  {
    const [branch] = await organisationsOfKind(tx, 'party_org', { ids: [branchId] });
    if (!branch || branch.partyLevel === 'workplace' || !ctx.actor.grants.some((g) => branch.placePath.startsWith(g.placePath) || g.placePath.startsWith(branch.placePath))) {
      throw MemberErrors.BRANCH_NOT_FOUND();
    }
    if (!allows(ctx.actor, 'membersManage', branch.placePath)) throw CommonErrors.FORBIDDEN();
    if (input.hostOrgId) {
      const [host] = await organisationsOfKind(tx, 'property_company', { ids: [input.hostOrgId] });
      if (!host || host.streetId !== branch.streetId) throw MemberErrors.HOST_INVALID();
      await tx
        .insertInto('pty_branch_hosts')
        .values({ street_id: branch.streetId, branch_id: branch.id, host_org_id: host.id, created_by: ctx.actor.grants.length ? ctx.actor.accountId : null, created_at: ctx.kernel.clock.now() })
        .onConflict((oc) => oc.columns(['street_id', 'branch_id']).doUpdateSet({ host_org_id: host.id, created_by: ctx.actor.grants.length ? ctx.actor.accountId : null, created_at: ctx.kernel.clock.now() }))
        .execute();
    } else {
      await tx.deleteFrom('pty_branch_hosts').where('street_id', '=', branch.streetId).where('branch_id', '=', branch.id).execute();
    }
    await audit(tx, ctx, {
      action: input.hostOrgId ? 'party.members.branch_host_linked' : 'party.members.branch_host_unlinked',
      placeId: branch.placeId,
      subjectType: 'reg_organisation',
      subjectId: branch.id,
      detail: { hostOrgId: input.hostOrgId },
    });
    return { branchId: branch.id, hostOrgId: input.hostOrgId };
  }
}
