import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Executor, write } from '../grid.db.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { ReportBody } from '../grid.social.schemas.ts';
import { checkFiles, storeFiles, type Upload, withFiles } from './files.ts';
import { accountOf, managedProject, needStatus } from './social-access.ts';

async function milestoneById(db: Executor, id: string) {
  return db
    .selectFrom('grid_venture_milestones')
    .select(['street_id as streetId', 'id', 'application_id as applicationId', 'seq', 'title', 'tranche_fen as trancheFen', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * socialManage files a milestone's report for the organisation while the round runs: a note and at least one piece of
 * evidence (photos, or PDF documents: receipts, sign-in sheets), stored as the project's files. The milestone must be
 * pending or returned. Audited.
 */
export async function submitReport(ctx: Ctx, milestoneId: string, body: ReportBody, uploads: readonly Upload[]): Promise<{ id: string; files: string[] }> {
  const files = checkFiles(uploads, { required: true, documents: true });
  return withFiles(ctx, (written) =>
    write(ctx, async (tx) => {
      const m = await milestoneById(tx, milestoneId);
      if (!m) throw SocialErrors.VENTURE_MILESTONE_NOT_FOUND();
      const { app, round } = await managedProject(tx, ctx, m.applicationId).catch(() => {
        throw SocialErrors.VENTURE_MILESTONE_NOT_FOUND();
      });
      needStatus(round, ['running'], { zh: '提交阶段报告', en: 'take reports' });
      if (m.status !== 'pending' && m.status !== 'returned') throw SocialErrors.VENTURE_MILESTONE_WRONG_STATUS();
      const id = newId();
      await tx
        .insertInto('grid_venture_reports')
        .values({ street_id: m.streetId, id, milestone_id: m.id, application_id: app.id, note: body.note, submitted_by: accountOf(ctx), submitted_at: ctx.kernel.clock.now() })
        .execute();
      await tx.updateTable('grid_venture_milestones').set({ status: 'reported' }).where('street_id', '=', m.streetId).where('id', '=', m.id).execute();
      const labels = (body.labels ?? '').split('\n').map((l) => l.trim());
      const ids: string[] = [];
      for (const [i, f] of files.entries())
        ids.push(
          ...(await storeFiles(tx, ctx, { streetId: m.streetId, type: 'project', id, placeId: round.placeId }, [f], written, { kind: f.mime === 'application/pdf' ? 'document' : 'photo', label: labels[i] || f.filename })),
        );
      await audit(tx, ctx, { action: 'grid.social.report_submitted', placeId: round.placeId, subjectType: 'grid_venture_report', subjectId: id, detail: { title: app.title, milestone: m.title, files: ids.length } });
      return { id, files: ids };
    }),
  );
}

/**
 * socialManage accepts a submitted report (the milestone is accepted: its tranche becomes a line of the organisation's
 * payout statement for the month) or returns it with the reason (the milestone may be reported again). Audited.
 */
export async function decideReport(ctx: Ctx, reportId: string, decision: { accept: true; note?: string } | { accept: false; reason: string }): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const report = await tx.selectFrom('grid_venture_reports').select(['street_id', 'id', 'milestone_id', 'application_id', 'status']).where('id', '=', reportId).forUpdate().executeTakeFirst();
    if (!report) throw SocialErrors.VENTURE_REPORT_NOT_FOUND();
    const { app, round } = await managedProject(tx, ctx, report.application_id).catch(() => {
      throw SocialErrors.VENTURE_REPORT_NOT_FOUND();
    });
    if (report.status !== 'submitted') throw SocialErrors.VENTURE_REPORT_DECIDED();
    needStatus(round, ['running'], { zh: '验收阶段报告', en: 'decide reports' });
    const m = await milestoneById(tx, report.milestone_id);
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('grid_venture_reports')
      .set({ status: decision.accept ? 'accepted' : 'returned', decided_by: accountOf(ctx), decided_at: now, decision_note: decision.accept ? (decision.note ?? null) : decision.reason })
      .where('street_id', '=', report.street_id)
      .where('id', '=', report.id)
      .execute();
    await tx
      .updateTable('grid_venture_milestones')
      .set(decision.accept ? { status: 'accepted', accepted_at: now } : { status: 'returned' })
      .where('street_id', '=', report.street_id)
      .where('id', '=', report.milestone_id)
      .execute();
    await audit(tx, ctx, {
      action: decision.accept ? 'grid.social.report_accepted' : 'grid.social.report_returned',
      placeId: round.placeId,
      subjectType: 'grid_venture_report',
      subjectId: report.id,
      detail: { title: app.title, milestone: m?.title ?? '', trancheFen: m?.trancheFen ?? 0, ...(decision.accept ? {} : { reason: decision.reason }) },
    });
    return { id: report.id };
  });
}
