import { audit, type Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { OrgClaimBody } from '../party.reporting.schemas.ts';
import { accountOf, liaisonOrg, yearOf } from './reporting-access.ts';

/**
 * 认领项目: the liaison claims an open project for one of its organisations for this year — only an organisation
 * whose report to the project's community is confirmed (409 NOT_CONFIRMED), once a year per project (409).
 */
export async function claimProjectForOrg(ctx: Ctx, projectId: string, input: OrgClaimBody) {
  return write(ctx, async (tx) => {
    const org = await liaisonOrg(tx, ctx, input.organisationId);
    const project = await tx.selectFrom('pty_projects').selectAll().where('street_id', '=', org.streetId).where('id', '=', projectId).executeTakeFirst();
    const confirmed = project
      ? await tx
          .selectFrom('pty_org_reports')
          .select('id')
          .where('street_id', '=', org.streetId)
          .where('organisation_id', '=', org.id)
          .where('community_id', '=', project.community_id)
          .where('status', '=', 'confirmed')
          .executeTakeFirst()
      : undefined;
    if (!project) throw ReportingErrors.PROJECT_NOT_FOUND();
    if (!confirmed) throw ReportingErrors.NOT_CONFIRMED();
    if (project.status !== 'open') throw ReportingErrors.PROJECT_CLOSED();
    const year = yearOf(chinaDay(ctx.kernel.clock.now()));
    const claimed = await tx
      .selectFrom('pty_org_claims')
      .select('id')
      .where('street_id', '=', org.streetId)
      .where('organisation_id', '=', org.id)
      .where('project_id', '=', project.id)
      .where('year', '=', year)
      .executeTakeFirst();
    if (claimed) throw ReportingErrors.ALREADY_CLAIMED();
    const id = newId();
    await tx
      .insertInto('pty_org_claims')
      .values({ street_id: org.streetId, id, organisation_id: org.id, project_id: project.id, year, claimed_by: accountOf(ctx), claimed_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'party.reporting.org_claimed', placeId: project.community_id, subjectType: 'pty_org_claim', subjectId: id, after: { organisation: org.name, project: project.title, year } });
    return { id, year };
  });
}
