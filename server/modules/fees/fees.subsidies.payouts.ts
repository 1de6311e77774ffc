import { pathLabel } from '../../kernel/access/index.ts';
import type { PayoutKind, PayoutLineInput } from '../../kernel/payouts/payouts.ts';
import { SUBSIDY_PAYOUT_KIND } from './fees.constants.ts';
import { read } from './fees.db.ts';

/**
 * 先缴后补 through the kernel's payout statements: one statement per payee (the household's payee) and month, with a
 * line per subsidy granted by the month's end not yet paid out (a line that missed its month — granted late in a
 * month whose statement had gone past draft — comes on the next) and, for a subsidy reversed by a refund after it
 * was on a statement, a reversing line (−1 × the amount) on the payee's statement of the month of the refund.
 * Reviewed by the residents' committee (community review), approved by the street — by another account than
 * whoever generated or reviewed it (the kernel refuses self-approval).
 */
export const paySubsidyPayout: PayoutKind = {
  key: SUBSIDY_PAYOUT_KIND,
  name: { zh: '先缴后补补贴', en: 'Pay-first subsidy' },
  period: 'month',
  payee: { zh: '住户', en: 'Household' },
  reviewerRoles: ['community_secretary', 'committee_staff'],
  approverRoles: ['street_official', 'platform_admin'],
  async lines(db, { streetId, period }) {
    const rows = await read(db)
      .selectFrom('fee_subsidy_lines as l')
      .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'l.street_id').onRef('room.id', '=', 'l.room_id'))
      .select(['l.id', 'l.room_id as roomId', 'l.payee_person_id as payeeId', 'l.payee_name as payeeName', 'l.period_label as billPeriod', 'l.amount_fen as amountFen', 'l.status', 'l.reversal_id as reversalId', 'l.reversed_at as reversedAt', 'l.granted_at as grantedAt'])
      .select(pathLabel('room.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'))
      .where('l.street_id', '=', streetId)
      .where('l.granted_at', '<', period.end)
      // A line reversed before it reached a statement is never paid out.
      .where((eb) => eb.or([eb('l.status', '=', 'granted'), eb('l.reversal_id', 'is not', null)]))
      .orderBy('l.granted_at')
      .orderBy('l.id')
      .execute();
    const out: PayoutLineInput[] = [];
    for (const r of rows) {
      const base = { payeeType: 'person', payeeId: r.payeeId, payeeName: r.payeeName, placeId: r.roomId, unitFen: r.amountFen };
      out.push({ ...base, sourceType: 'fee_subsidy', sourceId: r.id, description: `${r.billPeriod} 物业费先缴后补 · ${r.roomLabel}`, quantity: 1, amountFen: r.amountFen });
      if (r.reversalId && r.reversedAt && r.reversedAt < period.end) {
        out.push({ ...base, sourceType: 'fee_subsidy_reversal', sourceId: r.reversalId, description: `${r.billPeriod} 先缴后补冲销（退费）· ${r.roomLabel}`, quantity: -1, amountFen: -r.amountFen });
      }
    }
    return out;
  },
};
