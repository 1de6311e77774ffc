import type { Executor } from '../party.db.ts';

/**
 * The members an annual letter covers: the organisation's active employed members whose report (双报到) to the
 * community is confirmed, by name.
 */
export async function lettersCoveredMembers(db: Executor, streetId: string, communityId: string, organisationId: string) {
  return db
    .selectFrom('pty_members as m')
    .innerJoin('pty_member_reports as r', (j) => j.onRef('r.street_id', '=', 'm.street_id').onRef('r.member_id', '=', 'm.id'))
    .select(['m.id', 'm.person_name as personName'])
    .where('m.street_id', '=', streetId)
    .where('m.membership', '=', 'employed')
    .where('m.status', '=', 'active')
    .where('m.workplace_org_id', '=', organisationId)
    .where('r.community_id', '=', communityId)
    .where('r.status', '=', 'confirmed')
    .orderBy('m.person_name')
    .orderBy('m.id')
    .execute();
}
