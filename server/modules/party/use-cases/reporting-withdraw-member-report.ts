import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import { myMember } from './reporting-my-member.ts';

/** The member withdraws their own pending report (a decided one stays: 409; another's: 404). */
export async function withdrawMemberReport(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const member = await myMember(tx, ctx);
    const row = await tx
      .selectFrom('pty_member_reports')
      .selectAll()
      .where('street_id', '=', member.streetId)
      .where('id', '=', id)
      .where('member_id', '=', member.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw ReportingErrors.REPORT_NOT_FOUND();
    if (row.status !== 'pending') throw ReportingErrors.NOT_PENDING();
    await tx.updateTable('pty_member_reports').set({ status: 'withdrawn' }).where('street_id', '=', row.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'party.reporting.member_withdrawn', placeId: row.community_id, subjectType: 'pty_member_report', subjectId: id, before: { status: 'pending' }, after: { status: 'withdrawn' } });
    return { id, status: 'withdrawn' as const };
  });
}
