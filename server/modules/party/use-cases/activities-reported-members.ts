import { organisationsOfKind } from '../../registry/index.ts';
import type { Executor } from '../party.db.ts';

export interface AudienceMember {
  memberId: string;
  personId: string;
  personName: string;
  membership: 'local' | 'employed';
}

/** The employed members (在职党员) whose 双报到 to a community is confirmed and who are still active members. */
export async function reportedMembersOf(db: Executor, streetId: string, communityId: string): Promise<AudienceMember[]> {
  return db
    .selectFrom('pty_member_reports as r')
    .innerJoin('pty_members as m', (j) => j.onRef('m.street_id', '=', 'r.street_id').onRef('m.id', '=', 'r.member_id'))
    .select(['m.id as memberId', 'm.person_id as personId', 'm.person_name as personName', 'm.membership'])
    .where('r.street_id', '=', streetId)
    .where('r.community_id', '=', communityId)
    .where('r.status', '=', 'confirmed')
    .where('m.status', '=', 'active')
    .where('m.membership', '=', 'employed')
    .orderBy('m.person_name')
    .execute();
}

/** A party organisation and every organisation under it (a community's committee: its branches and groups). */
export async function branchAndBelow(db: Executor, streetId: string, branchId: string): Promise<string[]> {
  const orgs = await organisationsOfKind(db, 'party_org', { streetId });
  const ids = new Set([branchId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of orgs) if (o.parentId && ids.has(o.parentId) && !ids.has(o.id)) (ids.add(o.id), (grew = true));
  }
  return [...ids];
}

/**
 * An activity's audience: the active local members of the branch (and of the organisations under it), and — when asked — the employed members with a
 * confirmed report to the branch's community. A member is counted once.
 */
export async function audienceOf(db: Executor, input: { streetId: string; branchId: string; communityId: string; includeReported: boolean }): Promise<AudienceMember[]> {
  const local = await db
    .selectFrom('pty_members')
    .select(['id as memberId', 'person_id as personId', 'person_name as personName', 'membership'])
    .where('street_id', '=', input.streetId)
    .where('branch_id', 'in', await branchAndBelow(db, input.streetId, input.branchId))
    .where('membership', '=', 'local')
    .where('status', '=', 'active')
    .orderBy('person_name')
    .execute();
  const employed = input.includeReported ? await reportedMembersOf(db, input.streetId, input.communityId) : [];
  return [...new Map([...local, ...employed].map((m) => [m.memberId, m])).values()];
}
