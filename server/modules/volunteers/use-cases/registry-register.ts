import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { personNames, personPhonesMasked } from '../../registry/index.ts';
import { SKILLS } from '../volunteers.constants.ts';
import { read, write } from '../volunteers.db.ts';
import { RegistryErrors } from '../volunteers.registry.errors.ts';
import type { RegisterBody } from '../volunteers.registry.schemas.ts';
import { VOLUNTEER_STATUS_ZH } from '../volunteers.registry.constants.ts';
import type { VolunteerStatus } from '../volunteers.tables.ts';
import { compoundsOfResident, residentCompound } from './resident-compounds.ts';

export interface MyRegistration {
  id: string;
  compoundId: string;
  compoundName: string;
  skills: string[];
  availability: string;
  status: VolunteerStatus;
  rejectReason: string | null;
  registeredAt: Date;
  reviewedAt: Date | null;
}

/**
 * The resident's registration page: the real name it registers under (the registry person of the account), the
 * compounds they live in (the picker), the skills offered and their registrations (one per street) with status.
 */
export async function myRegistration(ctx: Ctx): Promise<{ name: string | null; compounds: { id: string; name: string }[]; skills: readonly string[]; registrations: MyRegistration[] }> {
  const db = read(ctx);
  const personId = ctx.actor.personId;
  if (!personId) return { name: null, compounds: [], skills: SKILLS, registrations: [] };
  const [names, compounds, rows] = await Promise.all([
    personNames(db, [personId]),
    compoundsOfResident(db, ctx),
    db
      .selectFrom('vol_volunteers as v')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
      .select(['v.id', 'v.place_id as compoundId', 'p.name as compoundName', 'v.skills', 'v.availability', 'v.status', 'v.reject_reason as rejectReason', 'v.created_at as registeredAt', 'v.reviewed_at as reviewedAt'])
      .where('v.person_id', '=', personId)
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id', 'desc')
      .execute(),
  ]);
  return { name: names.get(personId) ?? null, compounds: compounds.map((c) => ({ id: c.compoundId, name: c.compoundName })), skills: SKILLS, registrations: rows };
}

/**
 * Registers the acting resident as a volunteer at a compound they live in, under their registry name: pending until
 * the community reviews it. One registration per person and street; a rejected one registers again (the same row,
 * back to pending, the reason cleared). Audited.
 */
export async function registerVolunteer(ctx: Ctx, body: RegisterBody): Promise<{ id: string; status: 'pending' }> {
  const personId = ctx.actor.personId;
  if (!personId) throw RegistryErrors.NOT_A_PERSON();
  const skills = [...new Set([...body.skills, ...(body.otherSkill ? [body.otherSkill] : [])])];
  return write(ctx, async (tx) => {
    const compound = await residentCompound(tx, ctx, body.compoundId);
    const name = (await personNames(tx, [personId])).get(personId);
    if (!name) throw RegistryErrors.NOT_A_PERSON();
    const phone = (await personPhonesMasked(tx, [personId])).get(personId) ?? '';
    const existing = await tx
      .selectFrom('vol_volunteers')
      .select(['id', 'status'])
      .where('street_id', '=', compound.streetId)
      .where('person_id', '=', personId)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.status !== 'rejected') throw RegistryErrors.ALREADY_REGISTERED({ status: VOLUNTEER_STATUS_ZH[existing.status] });
    const now = ctx.kernel.clock.now();
    const id = existing?.id ?? newId();
    const values = { person_name: name, place_id: compound.compoundId, skills, availability: body.availability, phone_masked: phone, status: 'pending' as const, reject_reason: null, reviewed_by: null, reviewed_at: null, updated_at: now };
    if (existing) await tx.updateTable('vol_volunteers').set(values).where('street_id', '=', compound.streetId).where('id', '=', id).execute();
    else await tx.insertInto('vol_volunteers').values({ street_id: compound.streetId, id, person_id: personId, created_at: now, ...values }).execute();
    await audit(tx, ctx, {
      action: 'volunteers.registry.registered',
      placeId: compound.compoundId,
      subjectType: 'vol_volunteer',
      subjectId: id,
      detail: { skills, again: !!existing },
    });
    return { id, status: 'pending' as const };
  });
}
