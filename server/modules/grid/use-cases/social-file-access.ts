import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../grid.db.ts';
import type { FileSubjectRef } from './files.ts';
import { accessToRound, roundById } from './social-access.ts';

/**
 * Who may see the evidence of a funded project (use-cases/file-view.ts asks): the subject is a milestone report;
 * whoever may read its round — socialRead, socialManage or ventureApprove over the round's place, or a member of
 * its panel. Residents see the open books on the H5, not the evidence.
 */
export async function mayViewProjectFile(ctx: Ctx, subject: FileSubjectRef): Promise<boolean> {
  const db = read(ctx);
  const report = await db
    .selectFrom('grid_venture_reports as x')
    .innerJoin('grid_venture_applications as a', (j) => j.onRef('a.street_id', '=', 'x.street_id').onRef('a.id', '=', 'x.application_id'))
    .select(['a.round_id as roundId'])
    .where('x.street_id', '=', subject.streetId)
    .where('x.id', '=', subject.id)
    .executeTakeFirst();
  if (!report) return false;
  const round = await roundById(db, report.roundId);
  if (!round) return false;
  return (await accessToRound(db, ctx, round)).reads;
}
