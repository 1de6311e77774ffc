import type { PayoutKind, PayoutLineInput } from '../../../kernel/payouts/payouts.ts';
import { read } from '../supervision.db.ts';
import { STARS_PAYOUT_KIND } from '../supervision.stars.constants.ts';

/**
 * 有礼小区 rewards through the kernel's payout statements: one statement per recipient and quarter, a line per
 * allocation line recorded by the quarter's end (each paid once ever: the kernel claims it). Reviewed by the
 * residents' committee (the community's staff or secretary: the street's officials review no payouts on their
 * workbench), approved by a street official other than whoever generated or reviewed it.
 */
export const starsRewardPayout: PayoutKind = {
  key: STARS_PAYOUT_KIND,
  name: { zh: '有礼小区创建奖励', en: '有礼小区 reward' },
  period: 'quarter',
  payee: { zh: '受奖单位', en: 'Recipient' },
  reviewerRoles: ['committee_staff', 'community_secretary'],
  approverRoles: ['street_official'],
  async lines(db, { streetId, period }) {
    const rows = await read(db)
      .selectFrom('sup_star_reward_lines as l')
      .innerJoin('sup_star_rewards as r', (j) => j.onRef('r.street_id', '=', 'l.street_id').onRef('r.id', '=', 'l.reward_id'))
      .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.compound_id'))
      .select(['l.id', 'l.organisation_id as organisationId', 'l.recipient_name as recipientName', 'l.amount_fen as amountFen', 'l.purpose', 'r.compound_id as compoundId', 'r.to_stars as toStars', 'c.name as compoundName'])
      .where('l.street_id', '=', streetId)
      .where('r.allocated_at', '<', period.end)
      .orderBy('r.allocated_at')
      .orderBy('l.position')
      .execute();
    return rows.map(
      (r): PayoutLineInput => ({
        payeeType: 'organisation',
        // A recipient outside the registry (a volunteer team) is its own payee, named by the line.
        payeeId: r.organisationId ?? r.id,
        payeeName: r.recipientName,
        placeId: r.compoundId,
        sourceType: 'sup_star_reward_line',
        sourceId: r.id,
        description: `${r.compoundName} 有礼小区${r.toStars}星创建奖励 · ${r.purpose}`,
        quantity: 1,
        unitFen: Number(r.amountFen),
        amountFen: Number(r.amountFen),
      }),
    );
  },
};
