import { pathLabel } from '../../../kernel/access/index.ts';
import type { PayoutKind, PayoutLineInput } from '../../../kernel/payouts/payouts.ts';
import { COLLECTION_PAYOUT_KIND, COLLECTION_PAYOUT_SOURCE } from '../grid.collection.constants.ts';
import { type Executor, read } from '../grid.db.ts';
import { KIND_ZH } from './collection-records-list.ts';

/** The records a month's statement pays: a company's verified new records whose spot check is not pending or failed. */
export const payableRecords = (db: Executor, streetId: string, before: Date) =>
  read(db)
    .selectFrom('grid_records as r')
    .where('r.street_id', '=', streetId)
    .where('r.status', '=', 'verified')
    .where('r.company_id', 'is not', null)
    .where('r.incentive_fen', '>', 0)
    .where((eb) => eb.or([eb('r.spot_status', 'is', null), eb('r.spot_status', '=', 'passed')]))
    .where('r.checked_at', '<', before);

/**
 * 四个实有采集激励: one statement per commissioned property company and month; a line per verified new record of its
 * staff, at the incentive in force when it was verified, verified before the month's end (Asia/Shanghai) — drawn
 * records only once their spot check passed. Each record is paid once ever (the kernel claims it), so a record whose
 * spot check passes later is paid on a later month's statement. Grid workers' records, records already known or
 * wrong earn nothing. Reviewed by the residents' committee, approved by the street.
 */
export const collectionIncentivePayout: PayoutKind = {
  key: COLLECTION_PAYOUT_KIND,
  name: { zh: '四个实有采集激励', en: 'Grid collection incentive' },
  period: 'month',
  payee: { zh: '受委托物业服务企业', en: 'Commissioned property company' },
  reviewerRoles: ['community_secretary', 'committee_staff'],
  approverRoles: ['street_official'],
  async lines(db, { streetId, period }) {
    const rows = await payableRecords(db, streetId, period.end)
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
      .select(['r.id', 'r.kind', 'r.company_id as companyId', 'r.company_name as companyName', 'r.place_id as placeId', 'r.incentive_fen as fen', pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('where')])
      .orderBy('r.checked_at')
      .orderBy('r.id')
      .execute();
    return rows.map(
      (r): PayoutLineInput => ({
        payeeType: 'organisation',
        payeeId: r.companyId!,
        payeeName: r.companyName!,
        placeId: r.placeId,
        sourceType: COLLECTION_PAYOUT_SOURCE,
        sourceId: r.id,
        description: `${period.label} 四个实有采集激励 · ${KIND_ZH[r.kind]} · ${r.where}`,
        quantity: 1,
        unitFen: r.fen!,
        amountFen: r.fen!,
      }),
    );
  },
};
