import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { DecideBody } from '../party.reporting.schemas.ts';
import { accountOf, decisionOf, managedCommunity } from './reporting-access.ts';

/**
 * The community confirms or rejects a workplace organisation's pending report (reportingManage at the community;
 * a reason is required to reject). Only a confirmed report counts. The liaison who reported is told in-app.
 */
export async function decideOrgReport(ctx: Ctx, id: string, input: DecideBody) {
  return write(ctx, async (tx) => {
    const row = await tx.selectFrom('pty_org_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw ReportingErrors.REPORT_NOT_FOUND();
    const community = await managedCommunity(tx, ctx, row.community_id, ReportingErrors.REPORT_NOT_FOUND);
    if (row.status !== 'pending') throw ReportingErrors.NOT_PENDING();
    const { status, reason } = decisionOf(input);
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('pty_org_reports')
      .set({ status, decided_by: accountOf(ctx), decided_at: now, decision_note: reason || null })
      .where('street_id', '=', row.street_id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, {
      action: status === 'confirmed' ? 'party.reporting.org_confirmed' : 'party.reporting.org_rejected',
      placeId: community.id,
      subjectType: 'pty_org_report',
      subjectId: id,
      before: { status: row.status },
      after: { status, reason: reason || undefined },
    });
    if (row.reported_by) {
      await notify(tx, ctx, {
        template: status === 'confirmed' ? 'party.report_confirmed' : 'party.report_rejected',
        placeId: community.id,
        to: { accounts: [row.reported_by] },
        data: { community: community.name, who: row.organisation_name, reason, link: '/party/reporting' },
        subject: { type: 'pty_org_report', id },
      });
    }
    return { id, status };
  });
}
