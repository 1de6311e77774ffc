import { sql, type Expression, type SqlBool } from 'kysely';
import { type Actor, definePolicy, findPlace, type PlaceRow, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { SUPERVISION_ROLES } from '../supervision.constants.ts';
import type { Executor } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows, placeFilter, SupervisionPolicy } from '../supervision.policy.ts';
import { StarsErrors } from '../supervision.stars.errors.ts';

type Permission = keyof typeof SupervisionPolicy;

/**
 * Who reads star applications by place: every role of `starsRead` but the assessor, who reads only the applications
 * assigned to them (a third party sees nothing of compounds it was not asked to assess).
 */
const ByPlace = definePolicy({ starsReadByPlace: SUPERVISION_ROLES.starsRead.filter((r) => r !== 'assessor') });

export function seesApplication(actor: Actor, row: { compoundPath: string; assessorId: string | null }): boolean {
  if (ByPlace.allows(actor, 'starsReadByPlace', row.compoundPath)) return true;
  return row.assessorId === actor.accountId && allows(actor, 'starsAssess', row.compoundPath);
}

/** The same rule as a row filter over `a` (the application) and the compound's path. */
export function applicationsFilter(actor: Actor, pathRef: string): Expression<SqlBool> {
  return sql<SqlBool>`(${ByPlace.placeFilter(actor, 'starsReadByPlace', 'a.compound_id', pathRef)} or (a.assessor_id = ${actor.accountId} and ${placeFilter(actor, 'starsAssess', 'a.compound_id', pathRef)}))`;
}

/** Whether the actor reads stars at or inside the place at `path` (a company's grants are on its compounds). */
export function readsStarsAt(actor: Actor, path: string): boolean {
  const prefixes = scopePrefixes(actor, SupervisionPolicy.starsRead);
  return prefixes === null || prefixes.some((p) => path.startsWith(p) || p.startsWith(path));
}

export type StreetPlace = PlaceRow & { street_id: string };

/** A street the actor acts at: 404 when they read nothing there, 400 for another kind of place, 403 without `permission`. */
export async function starsStreet(ctx: Ctx, db: Executor, streetId: string, permission: Permission): Promise<StreetPlace> {
  const place = await findPlace(db, streetId);
  if (!place || !place.street_id || !(readsStarsAt(ctx.actor, place.path) || allows(ctx.actor, permission, place.path))) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw StarsErrors.NOT_A_STREET();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as StreetPlace;
}

/** A compound the actor acts at: 404 outside what they read, 400 for another kind, 403 without `permission`. */
export async function starsCompound(ctx: Ctx, db: Executor, compoundId: string, permission: Permission): Promise<StreetPlace> {
  const place = await findPlace(db, compoundId);
  if (!place || !place.street_id || !(readsStarsAt(ctx.actor, place.path) || allows(ctx.actor, permission, place.path))) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'compound') throw SupervisionErrors.NOT_A_COMPOUND();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as StreetPlace;
}

/** The path a list is narrowed to when a place is chosen (404 for a place the actor reads nothing at); else undefined. */
export async function starsScopePath(ctx: Ctx, db: Executor, placeId: string | undefined): Promise<string | undefined> {
  if (!placeId) return undefined;
  const place = await findPlace(db, placeId);
  if (!place || !readsStarsAt(ctx.actor, place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
  return place.path;
}
