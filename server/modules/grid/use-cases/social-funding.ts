import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { isSystem } from '../../../kernel/access/index.ts';
import { write } from '../grid.db.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { FundingBody } from '../grid.social.schemas.ts';
import { needStatus, readableRound, yuan } from './social-access.ts';

/**
 * socialManage proposes the funded list while the round is in review: selected applications of the round (each once)
 * and grants — each at least 1 fen and at most its budget and the round's cap, their sum at most the pool (exactly
 * the pool is accepted, one fen more refused). A new proposal supersedes a pending one. Audited.
 */
export async function proposeFunding(ctx: Ctx, roundId: string, body: FundingBody): Promise<{ id: string; totalFen: number }> {
  return write(ctx, async (tx) => {
    const round = await readableRound(tx, ctx, roundId, { lock: true });
    if (!round.manages || isSystem(ctx.actor)) throw CommonErrors.FORBIDDEN();
    needStatus(round, ['review'], { zh: '提交资助名单', en: 'take a funded list' });
    const ids = body.lines.map((l) => l.applicationId);
    if (new Set(ids).size !== ids.length) throw SocialErrors.VENTURE_APPLICATION_NOT_FOUND();
    const apps = await tx.selectFrom('grid_venture_applications').select(['id', 'title', 'budget_fen as budgetFen']).where('street_id', '=', round.streetId).where('round_id', '=', round.id).where('id', 'in', ids).execute();
    if (apps.length !== ids.length) throw SocialErrors.VENTURE_APPLICATION_NOT_FOUND();
    const byId = new Map(apps.map((a) => [a.id, a]));
    for (const l of body.lines) {
      const a = byId.get(l.applicationId)!;
      if (l.grantFen > a.budgetFen || l.grantFen > round.capFen) throw SocialErrors.VENTURE_GRANT_INVALID({ title: a.title });
    }
    const total = body.lines.reduce((s, l) => s + l.grantFen, 0);
    if (total > round.poolFen) throw SocialErrors.VENTURE_OVER_POOL({ total: yuan(total), pool: yuan(round.poolFen) });
    await tx.updateTable('grid_venture_fundings').set({ status: 'superseded' }).where('street_id', '=', round.streetId).where('round_id', '=', round.id).where('status', '=', 'proposed').execute();
    const id = newId();
    await tx
      .insertInto('grid_venture_fundings')
      .values({ street_id: round.streetId, id, round_id: round.id, lines: JSON.stringify(body.lines), total_fen: total, proposed_by: ctx.actor.accountId, proposed_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'grid.social.funding_proposed', placeId: round.placeId, subjectType: 'grid_venture_round', subjectId: round.id, detail: { round: round.title, projects: body.lines.length, totalFen: total } });
    return { id, totalFen: total };
  });
}

/**
 * ventureApprove approves the pending funded list — by an account other than who proposed it (SAME_APPROVER, 403):
 * each selected application gets its grant, the round becomes funded. Audited.
 */
export async function approveFunding(ctx: Ctx, roundId: string): Promise<{ id: string; totalFen: number }> {
  return write(ctx, async (tx) => {
    const round = await readableRound(tx, ctx, roundId, { lock: true });
    if (!round.approves || isSystem(ctx.actor)) throw CommonErrors.FORBIDDEN();
    needStatus(round, ['review'], { zh: '批准资助名单', en: 'approve a funded list' });
    const funding = await tx.selectFrom('grid_venture_fundings').selectAll().where('street_id', '=', round.streetId).where('round_id', '=', round.id).where('status', '=', 'proposed').forUpdate().executeTakeFirst();
    if (!funding) throw SocialErrors.VENTURE_FUNDING_NOT_FOUND();
    if (funding.proposed_by === ctx.actor.accountId) throw SocialErrors.SAME_APPROVER();
    const now = ctx.kernel.clock.now();
    for (const l of funding.lines)
      await tx.updateTable('grid_venture_applications').set({ grant_fen: l.grantFen, funded_at: now }).where('street_id', '=', round.streetId).where('id', '=', l.applicationId).execute();
    await tx.updateTable('grid_venture_fundings').set({ status: 'approved', approved_by: ctx.actor.accountId, approved_at: now }).where('street_id', '=', round.streetId).where('id', '=', funding.id).execute();
    await tx.updateTable('grid_venture_rounds').set({ status: 'funded' }).where('street_id', '=', round.streetId).where('id', '=', round.id).execute();
    await audit(tx, ctx, { action: 'grid.social.funding_approved', placeId: round.placeId, subjectType: 'grid_venture_round', subjectId: round.id, detail: { round: round.title, projects: funding.lines.length, totalFen: funding.total_fen } });
    return { id: funding.id, totalFen: funding.total_fen };
  });
}
