import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { DecideBody } from '../party.reporting.schemas.ts';
import { accountOf, decisionOf, managedCommunity } from './reporting-access.ts';

/**
 * The community confirms or rejects an employed member's pending report (reportingManage at the community; a reason
 * is required to reject). Only a confirmed report lets the member claim posts and counts in the figures. The
 * member is told in-app.
 */
export async function decideMemberReport(ctx: Ctx, id: string, input: DecideBody) {
  return write(ctx, async (tx) => {
    const row = await tx
      .selectFrom('pty_member_reports as r')
      .innerJoin('pty_members as m', (j) => j.onRef('m.street_id', '=', 'r.street_id').onRef('m.id', '=', 'r.member_id'))
      .select(['r.street_id', 'r.id', 'r.status', 'r.community_id', 'm.person_id', 'm.person_name'])
      .where('r.id', '=', id)
      .forUpdate('r')
      .executeTakeFirst();
    if (!row) throw ReportingErrors.REPORT_NOT_FOUND();
    const community = await managedCommunity(tx, ctx, row.community_id, ReportingErrors.REPORT_NOT_FOUND);
    if (row.status !== 'pending') throw ReportingErrors.NOT_PENDING();
    const { status, reason } = decisionOf(input);
    await tx
      .updateTable('pty_member_reports')
      .set({ status, decided_by: accountOf(ctx), decided_at: ctx.kernel.clock.now(), decision_note: reason || null })
      .where('street_id', '=', row.street_id)
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, {
      action: status === 'confirmed' ? 'party.reporting.member_confirmed' : 'party.reporting.member_rejected',
      placeId: community.id,
      subjectType: 'pty_member_report',
      subjectId: id,
      before: { status: row.status },
      after: { status, reason: reason || undefined },
    });
    await notify(tx, ctx, {
      template: status === 'confirmed' ? 'party.report_confirmed' : 'party.report_rejected',
      placeId: community.id,
      to: { persons: [row.person_id] },
      data: { community: community.name, who: row.person_name, reason, link: '/h5/party/reporting' },
      subject: { type: 'pty_member_report', id },
    });
    return { id, status };
  });
}
