import type { PayoutKind, PayoutLineInput } from '../../kernel/payouts/payouts.ts';
import { read } from './supervision.db.ts';
import { STANDARD_SUBSIDY_KIND } from './supervision.subsidy.constants.ts';
import { subsidyOutcomes } from './use-cases/subsidy-outcomes.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * 达标补贴 through the kernel's payout statements: per quarter, one statement per property company, with a line for
 * each listed compound it serves whose published assessment of the quarter meets the street's standard (see
 * subsidyOutcomes). The backing record is the listed compound, paid once per quarter (perPeriod). Reviewed by the
 * residents' committee staff or the street, approved by a street official — another account than whoever generated
 * or reviewed it (the kernel refuses self-approval).
 */
export const standardSubsidyPayout: PayoutKind = {
  key: STANDARD_SUBSIDY_KIND,
  name: { zh: '物业服务达标补贴', en: 'Service-standard subsidy' },
  period: 'quarter',
  perPeriod: true,
  payee: { zh: '物业服务企业', en: 'Property company' },
  reviewerRoles: ['committee_staff', 'street_official'],
  approverRoles: ['street_official'],
  async lines(db, { streetId, period }) {
    const { policy, rows } = await subsidyOutcomes(read(db), streetId, period.label);
    const out: PayoutLineInput[] = [];
    for (const r of rows) {
      if (r.outcome !== 'meets' || !policy || !r.companyId || !r.companyName) continue;
      const how = r.capped ? `封顶 ${yuan(policy.capFen)} 元` : `${r.rooms} 户 × ${yuan(policy.rateFen)} 元`;
      out.push({
        payeeType: 'organisation',
        payeeId: r.companyId,
        payeeName: r.companyName,
        placeId: r.compoundId,
        sourceType: 'sup_subsidy_compound',
        sourceId: r.compoundId,
        description: `${period.label} 物业服务达标补贴 · ${r.compoundName}（考评 ${yuan(r.scoreCenti!)} 分 ≥ ${yuan(policy.thresholdCenti)} 分；${how}）`,
        quantity: r.quantity,
        unitFen: r.unitFen,
        amountFen: r.amountFen,
      });
    }
    return out;
  },
};
