import type { Ctx } from '../../../kernel/context.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import type { Executor } from '../volunteers.db.ts';
import type { VolunteerStatus } from '../volunteers.tables.ts';

/** A volunteer as the other parts read it. */
export interface VolunteerRow {
  id: string;
  streetId: string;
  personId: string;
  personName: string;
  placeId: string;
  skills: string[];
  status: VolunteerStatus;
}

const COLUMNS = ['id', 'street_id as streetId', 'person_id as personId', 'person_name as personName', 'place_id as placeId', 'skills', 'status'] as const;

/** The person's volunteer record in any street (a person registers once per street), newest first. */
export async function volunteersOfPerson(db: Executor, personId: string): Promise<VolunteerRow[]> {
  return db.selectFrom('vol_volunteers').select(COLUMNS).where('person_id', '=', personId).orderBy('created_at', 'desc').execute();
}

/**
 * The acting resident's approved volunteer record in the street (activities' sign-up, task grabbing): refused with
 * NOT_A_VOLUNTEER when there is none, it is still pending, rejected or suspended.
 */
export async function approvedVolunteer(db: Executor, ctx: Ctx, streetId: string): Promise<VolunteerRow> {
  const personId = ctx.actor.personId;
  if (!personId) throw VolunteersErrors.NOT_A_VOLUNTEER();
  const row = await db.selectFrom('vol_volunteers').select(COLUMNS).where('street_id', '=', streetId).where('person_id', '=', personId).executeTakeFirst();
  if (!row || row.status !== 'approved') throw VolunteersErrors.NOT_A_VOLUNTEER();
  return row;
}
