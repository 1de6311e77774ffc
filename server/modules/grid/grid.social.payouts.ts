import type { PayoutKind } from '../../kernel/payouts/payouts.ts';
import { read } from './grid.db.ts';

/**
 * 公益创投资助款: one line per milestone whose report was accepted within the month — accepted_at in [period.start,
 * period.end), the month of Asia/Shanghai — paid to the project's organisation (payee type 'social_org', the social
 * part's own row), quantity 1 × the milestone's tranche. A milestone is paid at most once (the kernel enforces it per
 * source). Reviewed by the residents' committee or the street, approved by the street.
 */
export const ventureGrant: PayoutKind = {
  key: 'grid.venture_grant',
  name: { zh: '公益创投资助款', en: 'Venture philanthropy grants' },
  period: 'month',
  payee: { zh: '社会组织', en: 'Social organisation' },
  reviewerRoles: ['community_secretary', 'committee_staff', 'street_official'],
  approverRoles: ['street_official', 'platform_admin'],
  async lines(db, { streetId, period }) {
    const rows = await read(db)
      .selectFrom('grid_venture_milestones as m')
      .innerJoin('grid_venture_applications as a', (j) => j.onRef('a.street_id', '=', 'm.street_id').onRef('a.id', '=', 'm.application_id'))
      .innerJoin('grid_social_orgs as o', (j) => j.onRef('o.street_id', '=', 'a.street_id').onRef('o.id', '=', 'a.org_id'))
      .select(['m.id', 'm.seq', 'm.title as milestone', 'm.tranche_fen as trancheFen', 'a.title', 'o.id as orgId', 'o.name as orgName', 'o.place_id as placeId'])
      .where('m.street_id', '=', streetId)
      .where('m.status', '=', 'accepted')
      .where('m.accepted_at', '>=', period.start)
      .where('m.accepted_at', '<', period.end)
      .orderBy('m.accepted_at')
      .orderBy('m.id')
      .execute();
    return rows.map((r) => ({
      payeeType: 'social_org',
      payeeId: r.orgId,
      payeeName: r.orgName,
      placeId: r.placeId,
      sourceType: 'grid_venture_milestone',
      sourceId: r.id,
      description: `${period.label}「${r.title}」第 ${r.seq} 阶段：${r.milestone}`,
      quantity: 1,
      unitFen: r.trancheFen,
      amountFen: r.trancheFen,
    }));
  },
};
