import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { write } from '../party.db.ts';
import { MemberErrors } from '../party.members.errors.ts';
import type { EndBody, MemberPatch } from '../party.members.schemas.ts';
import { allows, holdsAnywhere } from '../party.policy.ts';
import { memberFor } from './members-access.ts';
import { checkJoined, checkOrganised } from './members-validate.ts';

/** The record to change, locked, with membersManage at its place checked (a reader without it: 403). */
async function managed(tx: Parameters<Parameters<typeof write>[1]>[0], ctx: Ctx, id: string) {
  if (!holdsAnywhere(ctx.actor, 'membersManage')) throw CommonErrors.FORBIDDEN();
  const m = await memberFor(tx, ctx, id);
  if (!allows(ctx.actor, 'membersManage', m.placePath)) throw CommonErrors.FORBIDDEN();
  await tx.selectFrom('pty_members').select('id').where('street_id', '=', m.street_id).where('id', '=', id).forUpdate().execute();
  if (m.status === 'left') throw MemberErrors.MEMBER_LEFT();
  return m;
}

/**
 * Edits a member record (membersManage at its place): membership with its branch or workplace organisation (the
 * rules of members-validate.ts), joining date (not in the future), note; the member's place stays. A member who left
 * is not edited. Audited with the fields changed.
 */
export async function updateMember(ctx: Ctx, id: string, patch: MemberPatch) {
  return write(ctx, async (tx) => {
    const m = await managed(tx, ctx, id);
    const membership = patch.membership ?? m.membership;
    const organised = await checkOrganised(tx, m.street_id, {
      membership,
      branchId: patch.branchId !== undefined ? patch.branchId : m.branch_id,
      workplaceOrgId: patch.workplaceOrgId !== undefined ? patch.workplaceOrgId : m.workplace_org_id,
    });
    if (patch.joinedOn) checkJoined(ctx, patch.joinedOn);
    const changes = {
      membership,
      branch_id: organised.branchId,
      workplace_org_id: organised.workplaceOrgId,
      joined_on: patch.joinedOn ?? m.joined_on,
      note: patch.note ?? m.note,
    };
    await tx.updateTable('pty_members').set({ ...changes, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', m.street_id).where('id', '=', id).execute();
    const changed = Object.fromEntries(Object.entries(changes).filter(([k, v]) => String(v) !== String(m[k as keyof typeof m])));
    await audit(tx, ctx, { action: 'party.members.updated', placeId: m.place_id, subjectType: 'pty_member', subjectId: id, detail: { changed: Object.keys(changed) } });
    return { id };
  });
}

/** Ends a membership (转出): status left on a day between the joining date and today. Confirmed on the page first. */
export async function endMember(ctx: Ctx, id: string, input: EndBody) {
  return write(ctx, async (tx) => {
    const m = await managed(tx, ctx, id);
    const leftOn = input.leftOn ?? chinaDay(ctx.kernel.clock.now());
    if (leftOn < m.joined_on || leftOn > chinaDay(ctx.kernel.clock.now())) throw MemberErrors.LEFT_BEFORE_JOINED();
    await tx
      .updateTable('pty_members')
      .set({ status: 'left', left_on: leftOn, badge_public: false, note: input.note ?? m.note, updated_at: ctx.kernel.clock.now() })
      .where('street_id', '=', m.street_id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, { action: 'party.members.ended', placeId: m.place_id, subjectType: 'pty_member', subjectId: id, detail: { leftOn } });
    return { id, status: 'left' as const, leftOn };
  });
}
