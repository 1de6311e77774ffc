import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, type Role, can, findPlace, pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import type { Executor } from '../party.db.ts';
import { PartyErrors } from '../party.errors.ts';
import { workplaceOrgsOf } from './workplace-orgs-of.ts';

/** membersRead without the liaison: the roles that read every record of their places. */
const PLACE_READERS: readonly Role[] = PARTY_ROLES.membersRead.filter((r) => r !== 'workplace_party_contact');

/**
 * Who reads which member records: the officials of the member's place (by its path), and a workplace liaison the
 * employed members of the organisations it speaks for (workplace-orgs-of.ts) — nothing else through its street grant.
 */
export interface MemberReach {
  prefixes: string[] | null;
  liaisonOrgs: string[];
  liaisonPrefixes: string[] | null;
}

export async function memberReach(db: Executor, ctx: Ctx, streetIds: readonly string[]): Promise<MemberReach> {
  const liaisonOrgs = (await Promise.all(streetIds.map((s) => workplaceOrgsOf(db, ctx, s)))).flat();
  return { prefixes: scopePrefixes(ctx.actor, PLACE_READERS), liaisonOrgs, liaisonPrefixes: scopePrefixes(ctx.actor, ['workplace_party_contact']) };
}

/** The streets the actor's grants reach (a grant at a street or inside it; a region's grant: its streets). */
export async function streetsOf(db: Executor, actor: Actor): Promise<string[]> {
  if (!actor.grants.length) return [];
  const rows = await db
    .selectFrom('street_places')
    .select('street_id')
    .distinct()
    .where('kind', '=', 'street')
    .where((eb) => eb.or(actor.grants.flatMap((g) => [eb('path', 'like', `${g.placePath}%`), eb(eb.val(g.placePath), 'like', sql<string>`path || '%'`)])))
    .execute();
  return rows.map((r) => r.street_id);
}

/** The street, when the actor's grants reach it (else `undefined`: answer as if it did not exist). */
export async function streetReached(db: Executor, actor: Actor, streetId: string) {
  const street = await findPlace(db, streetId);
  if (!street || street.kind !== 'street') return undefined;
  return actor.grants.some((g) => street.path.startsWith(g.placePath) || g.placePath.startsWith(street.path)) ? street : undefined;
}

/** The SQL row filter of a member list: `m` is pty_members, `pathRef` the path of the member's place. */
export function memberFilter(reach: MemberReach, pathRef: string): Expression<SqlBool> {
  const byPlace = pathInScope(pathRef, reach.prefixes);
  if (!reach.liaisonOrgs.length) return byPlace;
  return sql<SqlBool>`(${byPlace} or (m.membership = 'employed' and m.workplace_org_id in (${sql.join(reach.liaisonOrgs)}) and ${pathInScope(pathRef, reach.liaisonPrefixes)}))`;
}

/** Whether the actor may read one record (the same rule as the list's filter). */
export function mayRead(actor: Actor, reach: Pick<MemberReach, 'liaisonOrgs'>, m: { placePath: string; membership: string; workplaceOrgId: string | null }): boolean {
  if (can(actor, PLACE_READERS, m.placePath)) return true;
  return m.membership === 'employed' && !!m.workplaceOrgId && reach.liaisonOrgs.includes(m.workplaceOrgId) && can(actor, ['workplace_party_contact'], m.placePath);
}

/** A member record with its place's path, or MEMBER_NOT_FOUND when the actor may not read it. */
export async function memberFor(db: Executor, ctx: Ctx, id: string) {
  const m = await db
    .selectFrom('pty_members as m')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'm.street_id').onRef('p.id', '=', 'm.place_id'))
    .selectAll('m')
    .select('p.path as placePath')
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!m) throw PartyErrors.MEMBER_NOT_FOUND();
  const reach = { liaisonOrgs: await workplaceOrgsOf(db, ctx, m.street_id) };
  if (!mayRead(ctx.actor, reach, { placePath: m.placePath, membership: m.membership, workplaceOrgId: m.workplace_org_id })) throw PartyErrors.MEMBER_NOT_FOUND();
  return m;
}

/** The street asked for, or the first one the actor's grants reach; undefined when out of reach. */
export async function chosenStreet(db: Executor, actor: Actor, streetId: string | undefined): Promise<string | undefined> {
  if (streetId) return (await streetReached(db, actor, streetId))?.id;
  return (await streetsOf(db, actor))[0];
}
