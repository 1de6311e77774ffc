import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import { liaisonOrgs } from './reporting-access.ts';

/** The liaison withdraws one of its organisations' pending reports (a decided one stays: 409). */
export async function withdrawOrgReport(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const orgs = (await liaisonOrgs(tx, ctx)).map((o) => o.id);
    if (orgs.length === 0) throw ReportingErrors.REPORT_NOT_FOUND();
    const row = await tx.selectFrom('pty_org_reports').selectAll().where('id', '=', id).where('organisation_id', 'in', orgs).forUpdate().executeTakeFirst();
    if (!row) throw ReportingErrors.REPORT_NOT_FOUND();
    if (row.status !== 'pending') throw ReportingErrors.NOT_PENDING();
    await tx.updateTable('pty_org_reports').set({ status: 'withdrawn' }).where('street_id', '=', row.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'party.reporting.org_withdrawn', placeId: row.community_id, subjectType: 'pty_org_report', subjectId: id, before: { status: 'pending' }, after: { status: 'withdrawn' } });
    return { id, status: 'withdrawn' as const };
  });
}
