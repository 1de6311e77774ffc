import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { surveyEligibleCount } from '../../registry/index.ts';
import { read } from '../surveys.db.ts';
import { effectiveStatus } from '../surveys.repository.ts';

/**
 * For the deliberation module (index.ts): the surveys attached to a subject (e.g. an item), with their
 * response and eligible counts. No access check: the caller has decided the actor may see the subject.
 */
export async function surveysForSubject(caller: AnyExecutor, subjectType: string, subjectId: string, now: Date = new Date()) {
  const db = read(caller);
  const rows = await db
    .selectFrom('srv_surveys as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .select(['s.id', 's.title', effectiveStatus(now).as('status'), 's.subject_stage as subjectStage', 's.responses', 's.audience', 's.answer_per as answerPer', 'p.path as placePath'])
    .where('s.subject_type', '=', subjectType)
    .where('s.subject_id', '=', subjectId)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
  return Promise.all(
    rows.map(async ({ audience, answerPer, placePath, ...r }) => ({ ...r, eligible: await surveyEligibleCount(db, placePath, { ownersOnly: audience === 'owners', per: answerPer }) })),
  );
}
