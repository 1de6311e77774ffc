import { audit, type Ctx } from '../../../kernel/context.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import { write } from '../volunteers.db.ts';
import { moderatedListing } from './moderation-hide.ts';

/** A moderator dismisses an open report (the listing stays as it is). Audited. */
export async function dismissReport(ctx: Ctx, reportId: string): Promise<{ id: string; status: 'dismissed' }> {
  return write(ctx, async (tx) => {
    const report = await tx.selectFrom('vol_listing_reports').select(['street_id', 'listing_id', 'status']).where('id', '=', reportId).executeTakeFirst();
    if (!report) throw BoardsErrors.REPORT_NOT_FOUND();
    const listing = await moderatedListing(tx, ctx, report.listing_id).catch((e) => {
      throw (e as { code?: string }).code === 'LISTING_NOT_FOUND' ? BoardsErrors.REPORT_NOT_FOUND() : e;
    });
    if (report.status !== 'open') throw BoardsErrors.REPORT_NOT_OPEN();
    await tx
      .updateTable('vol_listing_reports')
      .set({ status: 'dismissed', handled_by: ctx.actor.accountId, handled_at: ctx.kernel.clock.now() })
      .where('street_id', '=', report.street_id)
      .where('id', '=', reportId)
      .execute();
    await audit(tx, ctx, { action: 'volunteers.boards.report_dismissed', placeId: listing.placeId, subjectType: 'vol_listing', subjectId: listing.id, detail: { report: reportId } });
    return { id: reportId, status: 'dismissed' as const };
  });
}
