import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { SCORE_CRITERIA } from '../grid.social.contract.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { ScoreBody } from '../grid.social.schemas.ts';
import { needStatus, readableApplication } from './social-access.ts';

/**
 * A panel member scores an application on every criterion while the round is in review (again: the new scores
 * replace theirs). Not on the panel: VENTURE_NOT_REVIEWER; affiliated with the applying organisation:
 * CONFLICT_OF_INTEREST (403) — nothing is written. One row per reviewer, application and criterion. Audited.
 */
export async function submitScores(ctx: Ctx, applicationId: string, body: ScoreBody): Promise<{ total: number }> {
  return write(ctx, async (tx) => {
    const { app, round } = await readableApplication(tx, ctx, applicationId);
    if (!round.reviewer) throw SocialErrors.VENTURE_NOT_REVIEWER();
    if (round.reviewer.affiliationOrgId === app.orgId) throw SocialErrors.CONFLICT_OF_INTEREST();
    needStatus(round, ['review'], { zh: '评分', en: 'be scored' });
    const now = ctx.kernel.clock.now();
    const rows = SCORE_CRITERIA.map((c) => ({ street_id: app.streetId, round_id: round.id, application_id: app.id, account_id: round.reviewer!.accountId, criterion: c, score: body.scores[c], scored_at: now }));
    await tx
      .insertInto('grid_venture_scores')
      .values(rows)
      .onConflict((oc) => oc.columns(['street_id', 'application_id', 'account_id', 'criterion']).doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), scored_at: eb.ref('excluded.scored_at') })))
      .execute();
    const total = rows.reduce((s, r) => s + r.score, 0);
    await audit(tx, ctx, { action: 'grid.social.scored', placeId: round.placeId, subjectType: 'grid_venture_application', subjectId: app.id, detail: { round: round.title, title: app.title, total, ...body.scores } });
    return { total };
  });
}
