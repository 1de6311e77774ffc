import type { Ctx } from '../../../kernel/context.ts';
import { surveyEligibleCount } from '../../registry/index.ts';
import { read } from '../surveys.db.ts';
import { allows } from '../surveys.policy.ts';
import { questionsOf } from '../surveys.repository.ts';
import { surveyFor } from './survey-access.ts';

/** A survey for staff: its settings, questions, counts, and what the actor may do with it. */
export async function getSurvey(ctx: Ctx, id: string) {
  const db = read(ctx);
  const s = await surveyFor(db, ctx, id, 'readResults');
  const manage = allows(ctx.actor, 'manage', s.place_path);
  const now = ctx.kernel.clock.now();
  return {
    id: s.id,
    placeId: s.place_id,
    placeName: s.place_name,
    title: s.title,
    description: s.description,
    audience: s.audience,
    answerPer: s.answer_per,
    anonymous: s.anonymous,
    resultsPublic: s.results_public,
    opensAt: s.opens_at,
    closesAt: s.closes_at,
    status: s.effective,
    accepting: s.effective === 'open' && s.opens_at <= now,
    subjectType: s.subject_type,
    subjectId: s.subject_id,
    subjectStage: s.subject_stage,
    responses: s.responses,
    eligible: await surveyEligibleCount(db, s.place_path, { ownersOnly: s.audience === 'owners', per: s.answer_per }),
    publishedAt: s.published_at,
    closedAt: s.closed_at,
    createdAt: s.created_at,
    questions: await questionsOf(db, s),
    can: { edit: manage && s.status === 'draft', publish: manage && s.status === 'draft', close: manage && s.effective === 'open', export: true },
  };
}
