import { pathLabel } from '../../kernel/access/places.ts';
import type { PayoutKind } from '../../kernel/payouts/payouts.ts';
import { read } from './registry.db.ts';

/** The position title of a building leader (楼门长): held by a person, attached to the building they lead. */
export const BUILDING_LEADER_TITLE = '楼门长';
/** The street's monthly allowance per building-leader position: 200 元. */
export const BUILDING_LEADER_MONTHLY_FEN = 20_000;

/**
 * 楼门长岗位补贴: one line per building-leader position held during the month (any day of it), at the
 * monthly rate, paid to the person holding it; the position is the backing record, paid once a month.
 * Reviewed by the residents' committee, approved by the street.
 */
export const buildingLeaderAllowance: PayoutKind = {
  key: 'registry.building_leader_allowance',
  name: { zh: '楼门长岗位补贴', en: 'Building leader allowance' },
  period: 'month',
  perPeriod: true,
  payee: { zh: '楼门长', en: 'Building leader' },
  reviewerRoles: ['community_secretary', 'committee_staff'],
  approverRoles: ['street_official', 'platform_admin'],
  async lines(db, { streetId, period }) {
    const rows = await read(db)
      .selectFrom('reg_positions as pos')
      .innerJoin('reg_persons as p', (j) => j.onRef('p.street_id', '=', 'pos.street_id').onRef('p.id', '=', 'pos.person_id'))
      .innerJoin('street_places as b', (j) => j.onRef('b.street_id', '=', 'pos.street_id').onRef('b.id', '=', 'pos.place_id'))
      .select(['pos.id', 'pos.person_id as personId', 'p.name', 'pos.place_id as placeId', pathLabel('b.path', ['compound', 'building']).as('where')])
      .where('pos.street_id', '=', streetId)
      .where('pos.title', '=', BUILDING_LEADER_TITLE)
      .where((eb) => eb.or([eb('pos.term_start', 'is', null), eb('pos.term_start', '<=', period.lastDay)]))
      .where((eb) => eb.or([eb('pos.term_end', 'is', null), eb('pos.term_end', '>=', period.firstDay)]))
      .orderBy('pos.id')
      .execute();
    return rows.map((r) => ({
      payeeType: 'person',
      payeeId: r.personId,
      payeeName: r.name,
      placeId: r.placeId!,
      sourceType: 'position',
      sourceId: r.id,
      description: `${period.label} 楼门长岗位补贴 · ${r.where}`,
      quantity: 1,
      unitFen: BUILDING_LEADER_MONTHLY_FEN,
      amountFen: BUILDING_LEADER_MONTHLY_FEN,
    }));
  },
};
