import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { compoundServices } from '../../registry/index.ts';
import { write } from '../supervision.db.ts';
import { companyShareAllowed, type RecipientKind, STARS_PAYOUT_KIND } from '../supervision.stars.constants.ts';
import { StarsErrors } from '../supervision.stars.errors.ts';
import { managedApplication } from '../supervision.stars.repository.ts';
import type { AllocationBody } from '../supervision.stars.schemas.ts';
import { accountOf } from './assessment-scope.ts';

const yuan = (fen: number | bigint) => {
  const f = BigInt(fen);
  return `${(f / 100n).toLocaleString('en-US')}.${String(f % 100n).padStart(2, '0')}`;
};
/** A share in per cent with two decimals, rounded half up once (for the message only; the rule compares exactly). */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '0.00';
  const tenThousandths = (BigInt(part) * 10000n * 2n + BigInt(whole)) / (BigInt(whole) * 2n);
  return `${tenThousandths / 100n}.${String(tenThousandths % 100n).padStart(2, '0')}`;
}

const KIND_ZH: Record<Exclude<RecipientKind, 'other'>, string> = { property_company: '物业服务企业', owners_committee: '业主委员会', residents_committee: '居民委员会' };

/**
 * 奖励分配: the street records how a reward is shared — lines of {recipient, amount, purpose} that add up to the
 * reward exactly (409 with both figures), the property company's lines at most the cap in force when the reward was
 * made (Quzhou: 30%), compared exactly: company × 100 ≤ reward × cap, so 30% passes and 30.01% is refused (409 with
 * the figures). An organisation named must be the compound's own (its company, owners' committee, residents'
 * committee). Recorded again, the lines replace the previous ones — until a payout statement has taken any of them.
 */
export async function recordRewardAllocation(ctx: Ctx, applicationId: string, input: AllocationBody) {
  return write(ctx, async (tx) => {
    const app = await managedApplication(tx, ctx, applicationId);
    const reward = await tx.selectFrom('sup_star_rewards').selectAll().where('street_id', '=', app.street_id).where('application_id', '=', app.id).forUpdate().executeTakeFirst();
    if (!reward) throw StarsErrors.NO_REWARD();
    const before = await tx.selectFrom('sup_star_reward_lines').selectAll().where('street_id', '=', app.street_id).where('reward_id', '=', reward.id).orderBy('position').execute();
    if (before.length) {
      const paid = await tx
        .selectFrom('payout_sources')
        .select('source_id')
        .where('street_id', '=', app.street_id)
        .where('kind', '=', STARS_PAYOUT_KIND)
        .where(
          'source_id',
          'in',
          before.map((l) => l.id),
        )
        .executeTakeFirst();
      if (paid) throw StarsErrors.ALLOCATION_PAID();
    }
    const services = await compoundServices(tx, app.compound_id);
    const orgOf: Record<Exclude<RecipientKind, 'other'>, { id: string; name: string } | null> = {
      property_company: services.propertyCompany,
      owners_committee: services.ownersCommittee,
      residents_committee: services.residentsCommittee,
    };
    const lines = input.lines.map((l, i) => {
      if (l.recipientKind === 'other') {
        if (!l.recipientName || l.organisationId) throw StarsErrors.RECIPIENT_INVALID({ line: i + 1, kind: '受领单位' });
        return { ...l, organisationId: null, recipientName: l.recipientName };
      }
      const org = orgOf[l.recipientKind];
      if (!org || org.id !== l.organisationId) throw StarsErrors.RECIPIENT_INVALID({ line: i + 1, kind: KIND_ZH[l.recipientKind] });
      return { ...l, organisationId: org.id, recipientName: org.name };
    });
    const total = lines.reduce((s, l) => s + BigInt(l.amountFen), 0n);
    const rewardFen = Number(reward.amount_fen);
    if (total !== BigInt(rewardFen)) throw StarsErrors.ALLOCATION_TOTAL({ total: yuan(total), reward: yuan(rewardFen) });
    const companyFen = lines.filter((l) => l.recipientKind === 'property_company').reduce((s, l) => s + l.amountFen, 0);
    if (!companyShareAllowed(companyFen, rewardFen, reward.company_max_percent)) {
      throw StarsErrors.COMPANY_SHARE(
        { company: yuan(companyFen), reward: yuan(rewardFen), percent: percentText(companyFen, rewardFen), cap: reward.company_max_percent },
        { companyFen, rewardFen, capPercent: reward.company_max_percent },
      );
    }
    const now = ctx.kernel.clock.now();
    await tx.deleteFrom('sup_star_reward_lines').where('street_id', '=', app.street_id).where('reward_id', '=', reward.id).execute();
    await tx
      .insertInto('sup_star_reward_lines')
      .values(
        lines.map((l, i) => ({
          street_id: app.street_id,
          id: newId(),
          reward_id: reward.id,
          position: i + 1,
          recipient_kind: l.recipientKind,
          organisation_id: l.organisationId,
          recipient_name: l.recipientName,
          amount_fen: l.amountFen,
          purpose: l.purpose,
        })),
      )
      .execute();
    await tx.updateTable('sup_star_rewards').set({ allocated_at: now, allocated_by: accountOf(ctx) }).where('street_id', '=', app.street_id).where('id', '=', reward.id).execute();
    const after = lines.map((l) => ({ recipientKind: l.recipientKind, recipientName: l.recipientName, amountFen: l.amountFen, purpose: l.purpose }));
    await audit(tx, ctx, {
      action: 'supervision.stars.reward_allocated',
      placeId: app.compound_id,
      subjectType: 'sup_star_reward',
      subjectId: reward.id,
      before: before.length ? { lines: before.map((l) => ({ recipientKind: l.recipient_kind, recipientName: l.recipient_name, amountFen: l.amount_fen, purpose: l.purpose })) } : undefined,
      after: { lines: after },
      detail: { rewardFen, companyFen, companyPercent: percentText(companyFen, rewardFen), capPercent: reward.company_max_percent },
    });
    return { rewardId: reward.id, rewardFen, companyFen, lines: after };
  });
}
