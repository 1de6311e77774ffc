import { sql } from 'kysely';
import { type Actor, findPlace, isSystem, type PlaceRow, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { AssessmentErrors } from '../supervision.assessment.errors.ts';
import { read, type Executor } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows, SupervisionPolicy } from '../supervision.policy.ts';

type Permission = keyof typeof SupervisionPolicy;

/**
 * Whether the actor reads assessments at or inside the place at `path`: a grant covering it (an official of the
 * street) or one inside it (a company's grants are on the compounds it serves, a secretary's on a community).
 * What they then see of it is narrowed row by row by `placeFilter`.
 */
export function readsAt(actor: Actor, path: string): boolean {
  const prefixes = scopePrefixes(actor, SupervisionPolicy.assessmentRead);
  return prefixes === null || prefixes.some((p) => path.startsWith(p) || p.startsWith(path));
}

/** The path a list is narrowed to when a place is chosen (404 for a place the actor reads nothing at); else undefined. */
export async function scopePath(ctx: Ctx, placeId: string | undefined): Promise<string | undefined> {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !readsAt(ctx.actor, place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
  return place.path;
}

export type StreetPlace = PlaceRow & { street_id: string };

/** A street the actor acts at: 404 when they read nothing there, 400 for another kind of place, 403 without `permission`. */
export async function streetFor(ctx: Ctx, db: Executor, streetId: string, permission: Permission): Promise<StreetPlace> {
  const place = await findPlace(db, streetId);
  if (!place || !place.street_id || !(readsAt(ctx.actor, place.path) || allows(ctx.actor, permission, place.path))) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw AssessmentErrors.NOT_A_STREET();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as StreetPlace;
}

/** A compound the actor acts at: 404 outside what they read, 400 for another kind, 403 without `permission`. */
export async function compoundFor(ctx: Ctx, db: Executor, compoundId: string, permission: Permission): Promise<StreetPlace> {
  const place = await findPlace(db, compoundId);
  if (!place || !place.street_id || !(allows(ctx.actor, 'assessmentRead', place.path) || allows(ctx.actor, permission, place.path))) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'compound') throw SupervisionErrors.NOT_A_COMPOUND();
  if (!allows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as StreetPlace;
}

/** The streets at or inside the scope (a place's path, else the actor's grants) where the actor reads assessments. */
export async function streetsInScope(ctx: Ctx, underPath: string | undefined): Promise<{ id: string; name: string; path: string }[]> {
  const prefixes = scopePrefixes(ctx.actor, SupervisionPolicy.assessmentRead);
  if (prefixes !== null && prefixes.length === 0) return [];
  const grants = prefixes === null ? sql`true` : sql.join(prefixes.map((p) => sql`(s.path like ${`${p}%`} or ${p} like s.path || '%')`), sql` or `);
  const under = underPath ? sql`and (s.path like ${`${underPath}%`} or ${underPath} like s.path || '%')` : sql``;
  const { rows } = await sql<{ id: string; name: string; path: string }>`
    select s.id, s.name, s.path from street_places s where s.kind = 'street' and (${grants}) ${under} order by s.name, s.id`.execute(read(ctx));
  return rows;
}

/** The acting account to record, or null for the system (a job, the bench): it has no accounts row. */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);
