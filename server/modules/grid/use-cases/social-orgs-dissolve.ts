import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import { orgById } from './social-access.ts';

/** socialManage records that an organisation dissolved (注销), with the reason: it stays on the books, inactive. Audited. */
export async function dissolveOrg(ctx: Ctx, id: string, reason: string): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const org = await orgById(tx, id);
    if (!org || !allows(ctx.actor, 'socialManage', org.placePath)) throw SocialErrors.SOCIAL_ORG_NOT_FOUND();
    if (!org.active) throw SocialErrors.SOCIAL_ORG_DISSOLVED();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('grid_social_orgs').set({ active: false, dissolved_at: now, dissolved_reason: reason, updated_at: now }).where('street_id', '=', org.streetId).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'grid.social.org_dissolved', placeId: org.placeId, subjectType: 'grid_social_org', subjectId: id, detail: { name: org.name, reason } });
    return { id };
  });
}
