import { sql } from 'kysely';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';

/**
 * Reads for the deliberation module's joint meetings (联席会议), through index.ts: the "six-in-one" bodies at a
 * place and who currently holds their positions. No access checks: the calling use case has decided the actor may
 * convene a meeting at the place.
 */

/** The kinds of organisation a joint meeting invites (六位一体, with the building leaders as a body of their own). */
export const MEETING_ORG_KINDS = ['party_org', 'residents_committee', 'owners_committee', 'property_company', 'property_committee'] as const;
export type MeetingOrgKind = (typeof MEETING_ORG_KINDS)[number];

export interface MeetingBody {
  id: string;
  name: string;
  kind: MeetingOrgKind;
  /** Where the organisation is registered. */
  placeId: string;
}

/**
 * The bodies that sit at a meeting at `place` (a community or a compound): the organisations of those kinds
 * registered at the place, below it, or at the places above it up to its community (a compound's meeting
 * seats the community's residents' committee and 物委会), and the property companies serving a compound under it.
 */
export async function meetingBodiesAt(caller: AnyExecutor, place: { path: string; streetId: string }): Promise<MeetingBody[]> {
  const db = read(caller);
  const rows = await db
    .selectFrom('reg_organisations as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.place_id'])
    .where('o.street_id', '=', place.streetId)
    .where('o.kind', 'in', [...MEETING_ORG_KINDS])
    .where((eb) =>
      eb.or([
        eb('p.path', 'like', `${place.path}%`),
        // An ancestor (its path is a prefix of the place's), but not the street: the street's organisations are not a place's body.
        eb.and([sql<boolean>`${place.path} like p.path || '%'`, eb('p.kind', '!=', 'street')]),
        eb.and([
          eb('o.kind', '=', 'property_company'),
          eb.exists(
            eb
              .selectFrom('reg_compounds as c')
              .innerJoin('places as cp', 'cp.id', 'c.place_id')
              .select(sql`1`.as('x'))
              .whereRef('c.property_company_id', '=', 'o.id')
              .where('cp.path', 'like', `${place.path}%`),
          ),
        ]),
      ]),
    )
    .orderBy('o.kind')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as MeetingOrgKind, placeId: r.place_id }));
}

export interface PositionHolder {
  personId: string;
  personName: string;
  positionId: string;
  /** The organisation's id, or null for a building leader (the body "building leaders"). */
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  title: string;
  /** The building a building leader serves. */
  buildingName: string | null;
}

/**
 * The current holders (term covering `day`) of positions in `organisationIds` whose post is not a building's, and,
 * with `buildingLeaders`, of the posts attached to a building under `place` (楼门长 and the like). Positions of a
 * property company count only at the place's compounds (its site managers). A person appears once per position.
 */
export async function positionHoldersAt(
  caller: AnyExecutor,
  place: { path: string; streetId: string },
  organisationIds: readonly string[],
  buildingLeaders: boolean,
  day: string,
): Promise<PositionHolder[]> {
  const db = read(caller);
  if (organisationIds.length === 0 && !buildingLeaders) return [];
  const rows = await db
    .selectFrom('reg_positions as x')
    .innerJoin('reg_organisations as o', (j) => j.onRef('o.street_id', '=', 'x.street_id').onRef('o.id', '=', 'x.organisation_id'))
    .innerJoin('reg_persons as person', (j) => j.onRef('person.street_id', '=', 'x.street_id').onRef('person.id', '=', 'x.person_id'))
    .leftJoin('places as post', 'post.id', 'x.place_id')
    .select(['x.id as positionId', 'x.person_id as personId', 'person.name as personName', 'x.organisation_id as organisationId', 'o.name as organisationName', 'o.kind as organisationKind', 'x.title', 'post.kind as postKind', 'post.name as postName', 'post.path as postPath'])
    .where('x.street_id', '=', place.streetId)
    .where((eb) => eb.or([eb('x.term_start', 'is', null), eb('x.term_start', '<=', day)]))
    .where((eb) => eb.or([eb('x.term_end', 'is', null), eb('x.term_end', '>=', day)]))
    .where((eb) => {
      const terms = [];
      if (organisationIds.length > 0) {
        terms.push(
          eb.and([
            eb('x.organisation_id', 'in', [...organisationIds]),
            eb.or([eb('post.kind', 'is', null), eb('post.kind', '!=', 'building')]),
            // A company's post at a compound counts at that compound's meetings only.
            eb.or([eb('o.kind', '!=', 'property_company'), eb('post.path', 'like', `${place.path}%`), sql<boolean>`${place.path} like post.path || '%'`]),
          ]),
        );
      }
      if (buildingLeaders) terms.push(eb.and([eb('post.kind', '=', 'building'), eb('post.path', 'like', `${place.path}%`)]));
      return eb.or(terms);
    })
    .orderBy('person.name')
    .orderBy('x.id')
    .execute();
  return rows.map((r) => ({
    personId: r.personId,
    personName: r.personName,
    positionId: r.positionId,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    organisationKind: r.organisationKind,
    title: r.title,
    buildingName: r.postKind === 'building' ? r.postName : null,
  }));
}
