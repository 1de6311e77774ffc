import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, read } from '../registry.db.ts';
import { remember } from '../../../kernel/db/read-cache.ts';
import { centiToArea } from '../registry.schemas.ts';
import { householdsOfActor } from './resident-places.ts';

const COMMITTEE_KINDS = ['residents_committee', 'owners_committee', 'party_org', 'property_committee'] as const;

/**
 * "My home" for a resident: my current rooms, each with its compound, the compound's property
 * company, and the committees that serve it (owners' committee, residents' committee, party branch).
 */
export async function getMyHome(ctx: Ctx) {
  const db = read(ctx);
  const personId = ctx.actor.personId;
  if (!personId) return { person: null, rooms: [] };
  const rooms = await householdsOfActor(ctx);
  // The household rows carry the person; someone with no current room is read alone.
  const person = rooms[0]
    ? { id: personId, name: rooms[0].personName, phone_masked: rooms[0].personPhone }
    : await db.selectFrom('reg_persons').select(['id', 'name', 'phone_masked']).where('id', '=', personId).executeTakeFirst();
  const compoundPaths = [...new Set(rooms.map((r) => r.compoundPath))];
  const committees = new Map(await Promise.all(compoundPaths.map(async (path) => [path, await committeesServing(db, path)] as const)));
  const servicePhones = await servicePhonesOf(ctx, [...new Set(rooms.flatMap((r) => (r.companyId ? [r.companyId] : [])))]);

  return {
    person: person ? { id: person.id, name: person.name, phone: person.phone_masked } : null,
    rooms: rooms.map(({ areaCenti, compoundPath, roomPath: _roomPath, personName: _name, personPhone: _phone, ...r }) => ({
      ...r,
      companyPhone: (r.companyId && servicePhones.get(r.companyId)) ?? null,
      area: centiToArea(areaCenti),
      committees: committees.get(compoundPath)!,
    })),
  };
}

/**
 * The property companies' service phones in full, for a resident to call: an organisation's contact phone
 * is its business line, not a person's data, so it is shown whole (it is stored encrypted like every
 * phone, and shown masked on the workbench's lists).
 */
async function servicePhonesOf(ctx: Ctx, companyIds: string[]): Promise<Map<string, string>> {
  if (companyIds.length === 0) return new Map();
  const rows = await read(ctx)
    .selectFrom('reg_organisations')
    .select(['id', 'contact_phone_enc'])
    .where('id', 'in', companyIds)
    .where('kind', '=', 'property_company')
    .where('contact_phone_enc', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, ctx.kernel.pii.decrypt(r.contact_phone_enc!)]));
}

/**
 * The committees that serve a compound: those whose place is the compound or one of its ancestors (the
 * community's residents' committee), with their current members. Every resident of the compound sees the
 * same, so it is read once and remembered until the next write (kernel/db/read-cache.ts).
 */
function committeesServing(db: Executor, compoundPath: string) {
  return remember(db, `registry.committees\u0000${compoundPath}`, async () => {
    const rows = await db
      .selectFrom('reg_organisations as o')
      .innerJoin('street_places as p', 'p.id', 'o.place_id')
      .select(['o.id', 'o.kind', 'o.name'])
      .select(
        sql<{ name: string; title: string }[]>`coalesce((select json_agg(json_build_object('name', pr.name, 'title', ps.title) order by ps.title) from reg_positions ps join reg_persons pr on pr.id = ps.person_id where ps.organisation_id = o.id and (ps.term_end is null or ps.term_end >= current_date)), '[]'::json)`.as('members'),
      )
      .where('o.kind', 'in', COMMITTEE_KINDS)
      .where(sql<boolean>`${compoundPath} like p.path || '%'`)
      // Party: the community's branch, and the branch of the compound or its grid — not the branches of
      // companies (property companies' 党支部), which sit at the community with a branch's level.
      .where(
        sql<boolean>`(o.kind <> 'party_org' or o.party_level = 'community_branch' or (o.party_level = 'compound_branch' and p.kind in ('compound','grid')))`,
      )
      .orderBy('p.depth')
      .orderBy('o.kind')
      .orderBy('o.name')
      .execute();
    return rows.map(({ members, ...c }) => ({ ...c, members: typeof members === 'string' ? (JSON.parse(members) as typeof members) : members }));
  });
}
