import type { Executor } from '../party.db.ts';

/** A party member as the other parts read it. */
export interface MemberRow {
  id: string;
  streetId: string;
  personId: string;
  personName: string;
  placeId: string;
  membership: 'local' | 'employed';
  branchId: string | null;
  workplaceOrgId: string | null;
  joinedOn: string;
  badgePublic: boolean;
  status: 'active' | 'left';
}

const COLUMNS = [
  'id',
  'street_id as streetId',
  'person_id as personId',
  'person_name as personName',
  'place_id as placeId',
  'membership',
  'branch_id as branchId',
  'workplace_org_id as workplaceOrgId',
  'joined_on as joinedOn',
  'badge_public as badgePublic',
  'status',
] as const;

/** The member record of a registry person (the H5's "me"), active or not; undefined when the person is no member. */
export async function memberOfPerson(db: Executor, personId: string): Promise<MemberRow | undefined> {
  return db.selectFrom('pty_members').select(COLUMNS).where('person_id', '=', personId).orderBy('created_at', 'desc').executeTakeFirst();
}

/** Member records by id, within a street (the other parts' lists and letters). */
export async function membersByIds(db: Executor, streetId: string, ids: readonly string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('pty_members').select(COLUMNS).where('street_id', '=', streetId).where('id', 'in', [...ids]).execute();
}
