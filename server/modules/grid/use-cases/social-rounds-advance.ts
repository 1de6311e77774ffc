import { sql } from 'kysely';
import { CommonErrors } from '../../../kernel/errors.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { ROUND_NEXT, ROUND_STATUS_ZH, type RoundStatus } from '../grid.social.contract.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import { readableRound } from './social-access.ts';

const notReady = (reasonZh: string, reason: string) => SocialErrors.VENTURE_NOT_READY({ reasonZh, reason });

/**
 * Moves a round one step on: draft → call (ventureApprove or socialManage), call → review (at least one application),
 * funded → running (every funded project has its milestones), running → closed (every funded project evaluated) —
 * socialManage. review → funded only by approving the funded list. Audited.
 */
export async function advanceRound(ctx: Ctx, id: string, to: RoundStatus): Promise<{ id: string; status: RoundStatus }> {
  return write(ctx, async (tx) => {
    const round = await readableRound(tx, ctx, id, { lock: true });
    if (!(round.manages || (round.approves && round.status === 'draft'))) throw CommonErrors.FORBIDDEN();
    if (ROUND_NEXT[round.status] !== to)
      throw SocialErrors.VENTURE_ROUND_WRONG_STATUS({ status: round.status, statusZh: ROUND_STATUS_ZH[round.status], step: `move to ${to}`, stepZh: `转为「${ROUND_STATUS_ZH[to]}」` });
    const apps = await tx
      .selectFrom('grid_venture_applications as a')
      .select(['a.id', 'a.grant_fen as grantFen', 'a.grade'])
      .select(sql<number>`(select coalesce(sum(m.tranche_fen), 0)::int from grid_venture_milestones m where m.street_id = a.street_id and m.application_id = a.id)`.as('tranches'))
      .where('a.street_id', '=', round.streetId)
      .where('a.round_id', '=', round.id)
      .execute();
    if (to === 'review' && !apps.length) throw notReady('本轮尚无申报项目', 'The round has no applications');
    const funded = apps.filter((a) => a.grantFen !== null);
    if (to === 'running' && funded.some((a) => Number(a.tranches) !== a.grantFen)) throw notReady('每个资助项目须先设定阶段计划（拨付合计等于资助金额）', 'Every funded project needs milestones whose tranches sum to its grant');
    if (to === 'closed' && funded.some((a) => !a.grade)) throw notReady('每个资助项目须先完成终期评估', 'Every funded project must be evaluated first');
    await tx.updateTable('grid_venture_rounds').set({ status: to }).where('street_id', '=', round.streetId).where('id', '=', round.id).execute();
    await audit(tx, ctx, { action: 'grid.social.round_advanced', placeId: round.placeId, subjectType: 'grid_venture_round', subjectId: round.id, detail: { title: round.title, from: round.status, to } });
    return { id: round.id, status: to };
  });
}
