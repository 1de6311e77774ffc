import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { centiToArea } from '../registry.schemas.ts';

const COMMITTEE_KINDS = ['residents_committee', 'owners_committee', 'party_org', 'property_committee'] as const;

/**
 * "My home" for a resident: my current rooms, each with its compound, the compound's property
 * company, and the committees that serve it (owners' committee, residents' committee, party branch).
 */
export async function getMyHome(ctx: Ctx) {
  const db = ctx.kernel.db;
  const personId = ctx.actor.personId;
  if (!personId) return { person: null, rooms: [] };
  const person = await db.selectFrom('reg_persons').select(['id', 'name', 'phone_masked']).where('id', '=', personId).executeTakeFirst();
  const rooms = await db
    .selectFrom('reg_households as h')
    .innerJoin('places as room', 'room.id', 'h.room_id')
    .innerJoin('reg_rooms', 'reg_rooms.place_id', 'room.id')
    .innerJoin('places as compound', (j) =>
      j.on(sql<boolean>`compound.id = any(string_to_array(trim(both '/' from room.path), '/')::uuid[])`).on('compound.kind', '=', 'compound'),
    )
    .innerJoin('reg_compounds', 'reg_compounds.place_id', 'compound.id')
    .leftJoin('reg_organisations as company', 'company.id', 'reg_compounds.property_company_id')
    .select([
      'h.id as householdId',
      'h.relation',
      'h.share_bp as shareBp',
      'room.id as roomId',
      pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'),
      'reg_rooms.area_centi',
      'reg_rooms.use',
      'compound.id as compoundId',
      'compound.name as compoundName',
      'compound.path as compoundPath',
      'reg_compounds.management_mode as managementMode',
      'reg_compounds.address',
      'company.id as companyId',
      'company.name as companyName',
      'company.contact_phone_masked as companyPhone',
    ])
    .where('h.person_id', '=', personId)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', sql<string>`current_date`)]))
    .orderBy('room.path')
    .execute();

  const compoundPaths = [...new Set(rooms.map((r) => r.compoundPath))];
  // Committees whose place is the compound or one of its ancestors (the community's residents' committee).
  const committees = compoundPaths.length
    ? await db
        .selectFrom('reg_organisations as o')
        .innerJoin('places as p', 'p.id', 'o.place_id')
        .select(['o.id', 'o.kind', 'o.name', 'p.path'])
        .select(
          sql<{ name: string; title: string }[]>`coalesce((select json_agg(json_build_object('name', pr.name, 'title', ps.title) order by ps.title) from reg_positions ps join reg_persons pr on pr.id = ps.person_id where ps.organisation_id = o.id and (ps.term_end is null or ps.term_end >= current_date)), '[]'::json)`.as('members'),
        )
        .where('o.kind', 'in', COMMITTEE_KINDS)
        .where(sql<boolean>`exists (select 1 from unnest(${compoundPaths}::text[]) cp where cp like p.path || '%')`)
        // Party: the community's branch, and the branch of the compound or its grid — not the branches of
        // companies (property companies' 党支部), which sit at the community with a branch's level.
        .where(
          sql<boolean>`(o.kind <> 'party_org' or o.party_level = 'community_branch' or (o.party_level = 'compound_branch' and p.kind in ('compound','grid')))`,
        )
        .execute()
    : [];

  return {
    person: person ? { id: person.id, name: person.name, phone: person.phone_masked } : null,
    rooms: rooms.map(({ area_centi, compoundPath, ...r }) => ({
      ...r,
      area: centiToArea(area_centi),
      committees: committees
        .filter((c) => compoundPath.startsWith(c.path))
        .map(({ path: _p, members, ...c }) => ({ ...c, members: typeof members === 'string' ? JSON.parse(members) : members })),
    })),
  };
}
