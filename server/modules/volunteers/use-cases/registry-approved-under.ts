import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../volunteers.db.ts';

export interface ApprovedVolunteer {
  volunteerId: string;
  personId: string;
  name: string;
  /** Where the volunteer registered (a compound, or a building in it). */
  placeId: string;
  phoneMasked: string;
  skills: string[];
}

/**
 * The approved volunteers registered at or under a place now (by the place's path), for another module's call-up
 * (the grid module's emergency mode): who they are and where, not their points or hours.
 */
export async function approvedVolunteersUnder(caller: AnyExecutor, streetId: string, placePath: string): Promise<ApprovedVolunteer[]> {
  return read(caller)
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
    .select(['v.id as volunteerId', 'v.person_id as personId', 'v.person_name as name', 'v.place_id as placeId', 'v.phone_masked as phoneMasked', 'v.skills'])
    .where('v.street_id', '=', streetId)
    .where('v.status', '=', 'approved')
    .where('p.path', 'like', `${placePath}%`)
    .orderBy('v.person_name')
    .orderBy('v.id')
    .execute();
}
