import type { PayoutKind } from '../../kernel/payouts/payouts.ts';
import { read } from './grid.db.ts';

/**
 * 代办点按件补贴: one line per case completed within the month — completed_at in [period.start, period.end), the
 * month of Asia/Shanghai — paid to its point, quantity 1 × the service's pay fixed on the case at completion. Withdrawn
 * and unfinished cases have no line; a case is paid at most once. Reviewed by the residents' committee, approved by the
 * street.
 */
export const agencyCasePay: PayoutKind = {
  key: 'grid.agency_case_pay',
  name: { zh: '政务代办按件补贴', en: 'Agency point per-case pay' },
  period: 'month',
  payee: { zh: '代办点', en: 'Agency point' },
  reviewerRoles: ['community_secretary', 'committee_staff'],
  approverRoles: ['street_official', 'platform_admin'],
  async lines(db, { streetId, period }) {
    const rows = await read(db)
      .selectFrom('grid_agency_cases as k')
      .innerJoin('grid_agency_points as pt', (j) => j.onRef('pt.street_id', '=', 'k.street_id').onRef('pt.id', '=', 'k.point_id'))
      .select(['k.id', 'k.no', 'k.service_name as serviceName', 'k.pay_fen as payFen', 'k.compound_id as compoundId', 'pt.id as pointId', 'pt.name as pointName'])
      .where('k.street_id', '=', streetId)
      .where('k.status', '=', 'completed')
      .where('k.completed_at', '>=', period.start)
      .where('k.completed_at', '<', period.end)
      .orderBy('k.completed_at')
      .orderBy('k.id')
      .execute();
    return rows.map((r) => ({
      payeeType: 'agency_point',
      payeeId: r.pointId,
      payeeName: r.pointName,
      placeId: r.compoundId,
      sourceType: 'grid_agency_case',
      sourceId: r.id,
      description: `${period.label} ${r.serviceName}（${r.no}）`,
      quantity: 1,
      unitFen: r.payFen ?? 0,
      amountFen: r.payFen ?? 0,
    }));
  },
};
