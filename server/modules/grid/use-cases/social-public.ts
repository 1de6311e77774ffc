import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { currentRoomsOf } from '../../registry/index.ts';
import { read } from '../grid.db.ts';
import type { OrgField, OrgRegistration, ProjectGrade, RoundStatus } from '../grid.social.contract.ts';

export interface MySocial {
  /** The communities the resident lives in (names), with their street. */
  communities: string[];
  orgs: { id: string; name: string; placeName: string; registration: OrgRegistration; field: OrgField; peopleCount: number; description: string }[];
  projects: { id: string; roundTitle: string; year: number; roundStatus: RoundStatus; title: string; orgName: string; field: OrgField; grantFen: number; grade: ProjectGrade | null }[];
}

/**
 * Open books for residents (H5): the active social organisations of the communities they live in (and of their
 * street), and the funded projects of rounds there — title, organisation, grant. No contacts, no scores. A resident
 * sees only their own communities'; anyone else, nothing.
 */
export async function mySocial(ctx: Ctx): Promise<MySocial> {
  const personId = ctx.actor.personId;
  if (!personId) return { communities: [], orgs: [], projects: [] };
  const db = read(ctx);
  const rooms = await currentRoomsOf(db, personId);
  if (!rooms.length) return { communities: [], orgs: [], projects: [] };
  const streets = [...new Set(rooms.map((r) => r.streetId))];
  // The community and the street above each compound the resident lives in.
  const above = await db
    .selectFrom('street_places as p')
    .select(['p.id', 'p.name', 'p.kind'])
    .where('p.street_id', 'in', streets)
    .where('p.kind', 'in', ['community', 'street'])
    .where((eb) => eb.or(rooms.map((r) => sql<boolean>`${r.compoundPath} like p.path || '%'`)))
    .execute();
  const placeIds = above.map((p) => p.id);
  if (!placeIds.length) return { communities: [], orgs: [], projects: [] };
  const [orgs, projects] = await Promise.all([
    db
      .selectFrom('grid_social_orgs as o')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'o.street_id').onRef('p.id', '=', 'o.place_id'))
      .select(['o.id', 'o.name', 'p.name as placeName', 'o.registration', 'o.field', 'o.people_count as peopleCount', 'o.description'])
      .where('o.street_id', 'in', streets)
      .where('o.place_id', 'in', placeIds)
      .where('o.active', '=', true)
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('grid_venture_applications as a')
      .innerJoin('grid_venture_rounds as r', (j) => j.onRef('r.street_id', '=', 'a.street_id').onRef('r.id', '=', 'a.round_id'))
      .innerJoin('grid_social_orgs as o', (j) => j.onRef('o.street_id', '=', 'a.street_id').onRef('o.id', '=', 'a.org_id'))
      .select(['a.id', 'r.title as roundTitle', 'r.year', 'r.status as roundStatus', 'a.title', 'o.name as orgName', 'a.field', 'a.grant_fen as grantFen', 'a.grade'])
      .where('a.street_id', 'in', streets)
      .where('r.place_id', 'in', placeIds)
      .where('a.grant_fen', 'is not', null)
      .where('r.status', 'in', ['funded', 'running', 'closed'])
      .orderBy('r.year', 'desc')
      .orderBy('a.grant_fen', 'desc')
      .orderBy('a.id')
      .execute(),
  ]);
  return {
    communities: above.filter((p) => p.kind === 'community').map((p) => p.name),
    orgs,
    projects: projects.map((p) => ({ ...p, grantFen: p.grantFen ?? 0 })),
  };
}
