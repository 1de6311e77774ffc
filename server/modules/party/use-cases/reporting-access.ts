import { sql, type Expression, type SqlBool } from 'kysely';
import { type Actor, definePolicy, findPlace, holdsAny, isSystem, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { organisationNames } from '../../registry/index.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import type { Executor } from '../party.db.ts';
import { PartyErrors } from '../party.errors.ts';
import { allows } from '../party.policy.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import { workplaceOrgsOf } from './workplace-orgs-of.ts';

/**
 * Who reads 双报到 rows by place: every role of `reportingRead` but the workplace liaison, whose grant at the street
 * would otherwise show every community's rows — a liaison reads only its own organisations' rows (liaisonOrgs).
 */
export const ByPlace = definePolicy({ reportingReadByPlace: PARTY_ROLES.reportingRead.filter((r) => r !== 'workplace_party_contact') });

export type CommunityPlace = PlaceRow & { street_id: string };

/** Whether the actor reads 双报到 at the place at `path` by place (staff), not as a liaison. */
export const readsByPlace = (actor: Actor, path: string) => ByPlace.allows(actor, 'reportingReadByPlace', path);

/** A community the actor reads 双报到 at (a liaison: any of its street's): 404 outside, 400 for another kind of place. */
export async function communityAt(db: Executor, ctx: Ctx, communityId: string, notFound: () => Error = PartyErrors.PLACE_NOT_FOUND): Promise<CommunityPlace> {
  const place = await findPlace(db, communityId);
  if (!place || !place.street_id || !allows(ctx.actor, 'reportingRead', place.path)) throw notFound();
  if (place.kind !== 'community') throw ReportingErrors.NOT_A_COMMUNITY();
  return place as CommunityPlace;
}

/** A community the actor manages 双报到 at (reportingManage): 404 outside what it reads, 403 when it reads but may not manage. */
export async function managedCommunity(db: Executor, ctx: Ctx, communityId: string, notFound: () => Error = PartyErrors.PLACE_NOT_FOUND): Promise<CommunityPlace> {
  const place = await communityAt(db, ctx, communityId, notFound);
  if (!allows(ctx.actor, 'reportingManage', place.path)) {
    if (readsByPlace(ctx.actor, place.path)) throw CommonErrors.FORBIDDEN();
    throw notFound();
  }
  return place;
}

export interface LiaisonOrg {
  id: string;
  name: string;
  streetId: string;
}

/** The workplace organisations the liaison speaks for, in every street of its grants (workplace-orgs-of.ts), with their names. */
export async function liaisonOrgs(db: Executor, ctx: Ctx): Promise<LiaisonOrg[]> {
  // The role is granted at a street (a liaison's organisation stands outside the street's tree).
  const streets = [...new Set(ctx.actor.grants.filter((g) => g.role === 'workplace_party_contact').map((g) => g.placeId))];
  const out: LiaisonOrg[] = [];
  for (const streetId of streets) {
    const ids = await workplaceOrgsOf(db, ctx, streetId);
    const names = await organisationNames(db, ids);
    for (const id of ids) out.push({ id, name: names.get(id) ?? '', streetId });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** One of the liaison's organisations (reportingSubmit): 404 when it is not theirs. */
export async function liaisonOrg(db: Executor, ctx: Ctx, organisationId: string): Promise<LiaisonOrg> {
  const org = (await liaisonOrgs(db, ctx)).find((o) => o.id === organisationId);
  if (!org) throw ReportingErrors.ORG_NOT_YOURS();
  return org;
}

/**
 * The row filter of a 双报到 list: staff by the community's path (`pathRef`), a liaison by its organisations
 * (`orgRef`: the row's workplace organisation). Neither: nothing.
 */
export function reportingFilter(actor: Actor, pathRef: string, orgRef: string, orgIds: readonly string[]): Expression<SqlBool> {
  const byPlace = ByPlace.placeFilter(actor, 'reportingReadByPlace', '', pathRef);
  if (orgIds.length === 0) return byPlace;
  return sql<SqlBool>`(${byPlace} or ${sql.ref(orgRef)} = any(${[...orgIds]}::uuid[]))`;
}


/** The current year in China (claims and service totals are per calendar year). */
export const yearOf = (day: string) => Number(day.slice(0, 4));

/** Whether the actor holds a permission anywhere (to offer it at all: a list, a to-do). */
export const holdsAnywhere = (actor: Actor, permission: keyof typeof PARTY_ROLES): boolean => holdsAny(actor, PARTY_ROLES[permission]);

/** The acting account, to stamp a row with (null: the system, e.g. the demo acting for someone without a login). */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);

/** A decision on a pending report, either side: confirm, or reject with a reason (REASON_REQUIRED without one). */
export function decisionOf(input: { decision: 'confirm' | 'reject'; reason?: string | undefined }): { status: 'confirmed' | 'rejected'; reason: string } {
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && !reason) throw ReportingErrors.REASON_REQUIRED();
  return { status: input.decision === 'confirm' ? 'confirmed' : 'rejected', reason };
}
