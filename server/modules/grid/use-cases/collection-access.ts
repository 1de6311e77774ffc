import { createHash } from 'node:crypto';
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, ancestorOfKind, can, findPlace, isSystem, type PlaceRow, type Role, scopePrefixes, pathInScope, streetOf } from '../../../kernel/access/index.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { compoundsUnder } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { CollectionErrors } from '../grid.collection.errors.ts';
import { DEFAULT_INCENTIVE_FEN, DEFAULT_SPOT_CHECK_BP } from '../grid.collection.constants.ts';
import { type Executor, read } from '../grid.db.ts';

export const PROPERTY_ROLES = ['property_manager', 'property_staff'] as const satisfies readonly Role[];
/** Who reads every record over their places: all readers but property staff, who see only commissioned work. */
export const READ_ALL_ROLES = GRID_ROLES.collectionRead.filter((r) => !(PROPERTY_ROLES as readonly string[]).includes(r));

/**
 * SQL: the records the actor may read — over their places for the community, grid workers and the street; for
 * property staff only the records made under a commission (a company's own collection work) in their compounds.
 */
export function recordsInScope(actor: Actor, placePathRef: string, companyRef: string): Expression<SqlBool> {
  const all = pathInScope(placePathRef, scopePrefixes(actor, READ_ALL_ROLES));
  const property = scopePrefixes(actor, PROPERTY_ROLES);
  if (property === null || property.length === 0) return all;
  return sql<SqlBool>`(${all} or (${sql.ref(companyRef)} is not null and ${pathInScope(placePathRef, property)}))`;
}

/** The same rule for one record. */
export function mayReadRecord(actor: Actor, path: string, companyId: string | null): boolean {
  return can(actor, READ_ALL_ROLES, path) || (companyId !== null && can(actor, PROPERTY_ROLES, path));
}

/** The street's collection settings (the defaults until it sets its own). */
export async function settingsOf(db: Executor, streetId: string): Promise<{ incentiveFen: number; spotCheckBp: number; updatedAt: Date | null }> {
  const row = await read(db).selectFrom('grid_collection_settings').selectAll().where('street_id', '=', streetId).executeTakeFirst();
  return row ? { incentiveFen: row.incentive_fen, spotCheckBp: row.spot_check_bp, updatedAt: row.updated_at } : { incentiveFen: DEFAULT_INCENTIVE_FEN, spotCheckBp: DEFAULT_SPOT_CHECK_BP, updatedAt: null };
}

/**
 * The spot-check draw, deterministic and fixed when a record is verified: the first four bytes of the SHA-256 of the
 * record's id, read as an unsigned number modulo 10 000, below the street's share in basis points (1000 = 10%) draws
 * it. Nobody can steer which record is drawn, and the same record always gives the same answer.
 */
export function drawnForSpotCheck(recordId: string, shareBp: number): boolean {
  const n = createHash('sha256').update(recordId).digest().readUInt32BE(0) % 10_000;
  return n < shareBp;
}

/** The commission in force on `day` for a company in a compound, if any. */
export async function commissionOn(db: Executor, at: { streetId: string; companyId: string; compoundId: string; day: string }) {
  return read(db)
    .selectFrom('grid_commissions')
    .select(['id', 'company_id', 'company_name'])
    .where('street_id', '=', at.streetId)
    .where('company_id', '=', at.companyId)
    .where('compound_id', '=', at.compoundId)
    .where('valid_from', '<=', at.day)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', at.day)]))
    .executeTakeFirst();
}

/**
 * Who submits at a place, and for whom: a grid worker over it submits as the grid (no incentive); property staff only
 * at a compound whose property company the street commissioned for today — their company then is the payee.
 */
export async function submitterAt(db: Executor, ctx: Ctx, place: PlaceRow, compound: PlaceRow): Promise<{ companyId: string | null; companyName: string | null }> {
  if (isSystem(ctx.actor) || can(ctx.actor, ['grid_worker'], place.path)) return { companyId: null, companyName: null };
  if (!can(ctx.actor, PROPERTY_ROLES, place.path)) throw CollectionErrors.RECORD_NOT_FOUND();
  const facts = (await compoundsUnder(db, streetOf(compound), compound.path)).find((c) => c.compoundId === compound.id);
  const companyId = facts?.companyId ?? null;
  const commission = companyId ? await commissionOn(db, { streetId: streetOf(compound), companyId, compoundId: compound.id, day: chinaDay(ctx.kernel.clock.now()) }) : undefined;
  if (!commission) throw CollectionErrors.COLLECTION_NOT_COMMISSIONED();
  return { companyId: commission.company_id, companyName: commission.company_name };
}

/** The compound a place is in (itself when it is one). */
export async function compoundOf(db: Executor, place: PlaceRow): Promise<PlaceRow | undefined> {
  return place.kind === 'compound' ? place : ancestorOfKind(db, place, 'compound');
}

/** A record's row with its place, for one of the actor's permissions; anything else is "not found". */
export async function recordFor(db: Executor, ctx: Ctx, id: string, need: 'read' | 'verify' | 'manage', forUpdate = false) {
  let q = read(db).selectFrom('grid_records').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw CollectionErrors.RECORD_NOT_FOUND();
  const place = await findPlace(db, row.place_id);
  if (!place) throw CollectionErrors.RECORD_NOT_FOUND();
  const readable = mayReadRecord(ctx.actor, place.path, row.company_id) || can(ctx.actor, GRID_ROLES.collectionVerify, place.path) || can(ctx.actor, GRID_ROLES.collectionManage, place.path);
  if (!readable) throw CollectionErrors.RECORD_NOT_FOUND();
  if (need !== 'read' && !can(ctx.actor, GRID_ROLES[need === 'verify' ? 'collectionVerify' : 'collectionManage'], place.path)) throw CommonErrors.FORBIDDEN();
  return { row, place };
}
export type RecordRow = Awaited<ReturnType<typeof recordFor>>['row'];
