import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../party.db.ts';
import { authorize } from '../party.policy.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { OrgReportBody } from '../party.reporting.schemas.ts';
import { accountOf, communityAt, liaisonOrg } from './reporting-access.ts';

/**
 * 双报到, the organisation's side: the liaison reports one of its workplace organisations to a community of the
 * street, with a contact. One live (pending or confirmed) report per organisation and community (409). The
 * community then confirms or rejects it.
 */
export async function submitOrgReport(ctx: Ctx, input: OrgReportBody) {
  return write(ctx, async (tx) => {
    const org = await liaisonOrg(tx, ctx, input.organisationId);
    const community = await communityAt(tx, ctx, input.communityId);
    if (community.street_id !== org.streetId) throw ReportingErrors.ORG_NOT_YOURS();
    authorize(ctx.actor, 'reportingSubmit', community.path);
    const live = await tx
      .selectFrom('pty_org_reports')
      .select('id')
      .where('street_id', '=', org.streetId)
      .where('organisation_id', '=', org.id)
      .where('community_id', '=', community.id)
      .where('status', 'in', ['pending', 'confirmed'])
      .executeTakeFirst();
    if (live) throw ReportingErrors.ALREADY_REPORTED();
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('pty_org_reports')
      .values({
        street_id: org.streetId,
        id,
        organisation_id: org.id,
        organisation_name: org.name,
        community_id: community.id,
        status: 'pending',
        contact_name: input.contactName,
        contact_phone: input.contactPhone,
        note: input.note ?? '',
        reported_by: accountOf(ctx),
        reported_at: now,
      })
      .execute();
    await audit(tx, ctx, {
      action: 'party.reporting.org_reported',
      placeId: community.id,
      subjectType: 'pty_org_report',
      subjectId: id,
      after: { organisation: org.name, community: community.name, contactName: input.contactName },
    });
    return { id, status: 'pending' as const };
  });
}
