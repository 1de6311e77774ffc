import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../grid.db.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { ApplicationBody } from '../grid.social.schemas.ts';
import { accountOf, needStatus, orgById, readableRound, yuan } from './social-access.ts';

/**
 * socialManage enters an application on behalf of an active organisation within the round's place, while the call is
 * open: its budget lines total at most the round's per-project cap (exactly the cap is accepted). Numbered in the
 * order entered (ties in the ranking go to the earlier). Audited.
 */
export async function createApplication(ctx: Ctx, roundId: string, body: ApplicationBody): Promise<{ id: string; no: number }> {
  return write(ctx, async (tx) => {
    const round = await readableRound(tx, ctx, roundId, { lock: true });
    if (!round.manages) throw CommonErrors.FORBIDDEN();
    needStatus(round, ['call'], { zh: '申报项目', en: 'take applications' });
    const org = await orgById(tx, body.orgId);
    if (!org || org.streetId !== round.streetId) throw SocialErrors.SOCIAL_ORG_NOT_FOUND();
    if (!org.placePath.startsWith(round.placePath)) throw SocialErrors.VENTURE_ORG_OUTSIDE_ROUND();
    if (!org.active) throw SocialErrors.SOCIAL_ORG_DISSOLVED();
    const total = body.budget.reduce((s, l) => s + l.amountFen, 0);
    if (total > round.capFen) throw SocialErrors.VENTURE_OVER_CAP({ total: yuan(total), cap: yuan(round.capFen) });
    const last = await tx
      .selectFrom('grid_venture_applications')
      .select((eb) => eb.fn.max<number>('no').as('no'))
      .where('street_id', '=', round.streetId)
      .where('round_id', '=', round.id)
      .executeTakeFirst();
    const no = (last?.no ?? 0) + 1;
    const id = newId();
    await tx
      .insertInto('grid_venture_applications')
      .values({
        street_id: round.streetId,
        id,
        round_id: round.id,
        no,
        org_id: org.id,
        title: body.title,
        field: body.field,
        summary: body.summary,
        beneficiaries: body.beneficiaries,
        budget: JSON.stringify(body.budget),
        budget_fen: total,
        created_by: accountOf(ctx),
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'grid.social.application_entered', placeId: round.placeId, subjectType: 'grid_venture_application', subjectId: id, detail: { round: round.title, org: org.name, title: body.title, budgetFen: total } });
    return { id, no };
  });
}
