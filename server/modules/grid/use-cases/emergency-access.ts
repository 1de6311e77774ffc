import { sql } from 'kysely';
import { type Actor, isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { householdRoomsUnder } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import type { Executor, Tx } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';

/**
 * The shared rules of the emergency part. A declaration is over a place (compound, community, street); who reads it:
 * emergencyRead over the place, or over a place under it (a community's staff see the street's declaration that covers
 * them). Who runs it: emergencyManage over the place; who declares and ends: emergencyDeclare. A household is visited
 * by whoever is assigned its building (staff or volunteer, by account), one visitor at a time. After the end, every
 * write is refused: each write reads the declaration `for share` (the end takes it `for update`), so no write slips
 * past an end.
 */

/** What the list and the page both show of a declaration. */
export type DeclarationFacts = 'id' | 'placeId' | 'placeName' | 'placeKind' | 'level' | 'reason' | 'status' | 'declaredAt' | 'declaredByName' | 'endedAt';

export interface DeclarationRow {
  streetId: string;
  id: string;
  placeId: string;
  placeName: string;
  placeKind: string;
  placePath: string;
  level: 'general' | 'larger' | 'major';
  reason: string;
  status: 'active' | 'ended';
  declaredAt: Date;
  declaredByName: string;
  endedAt: Date | null;
  endedByName: string;
  summary: string;
  residentsNotified: number;
}

export function declarations(db: Executor) {
  return db
    .selectFrom('grid_emergency_declarations as d')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .select([
      'd.street_id as streetId',
      'd.id',
      'd.place_id as placeId',
      'p.name as placeName',
      'p.kind as placeKind',
      'p.path as placePath',
      'd.level',
      'd.reason',
      'd.status',
      'd.declared_at as declaredAt',
      'd.declared_by_name as declaredByName',
      'd.ended_at as endedAt',
      'd.ended_by_name as endedByName',
      'd.summary',
      'd.residents_notified as residentsNotified',
    ]);
}

export async function declarationById(db: Executor, id: string): Promise<DeclarationRow | undefined> {
  return (await declarations(db).where('d.id', '=', id).executeTakeFirst()) as DeclarationRow | undefined;
}

/** Whether the actor reads a declaration over the place: emergencyRead over it, or over a place under it. */
export function seesPlace(actor: Actor, placePath: string): boolean {
  if (allows(actor, 'emergencyRead', placePath)) return true;
  const roles: readonly string[] = GRID_ROLES.emergencyRead;
  return actor.grants.some((g) => roles.includes(g.role) && g.placePath.startsWith(placePath));
}

/** The declaration the actor may read, or 404. */
export async function readableDeclaration(db: Executor, ctx: Ctx, id: string): Promise<DeclarationRow> {
  const d = await declarationById(db, id);
  if (!d || !seesPlace(ctx.actor, d.placePath)) throw EmergencyErrors.EMERGENCY_NOT_FOUND();
  return d;
}

/**
 * Every write's first step: the declaration, held `for share` until the write commits, and still active
 * (`EMERGENCY_ENDED` otherwise). The caller checks who may write.
 */
export async function activeDeclaration(tx: Tx, id: string): Promise<DeclarationRow> {
  const row = await tx.selectFrom('grid_emergency_declarations').select(['status']).where('id', '=', id).forShare().executeTakeFirst();
  if (!row) throw EmergencyErrors.EMERGENCY_NOT_FOUND();
  const d = (await declarationById(tx, id))!;
  if (row.status !== 'active') throw EmergencyErrors.EMERGENCY_ENDED();
  return d;
}

/** The same, for a write that the actor must manage (emergencyManage over the place): 404 when they may not read it. */
export async function managedDeclaration(tx: Tx, ctx: Ctx, id: string, permission: 'emergencyManage' | 'emergencyDeclare' = 'emergencyManage'): Promise<DeclarationRow> {
  const d = await declarationById(tx, id);
  if (!d || !seesPlace(ctx.actor, d.placePath)) throw EmergencyErrors.EMERGENCY_NOT_FOUND();
  if (!allows(ctx.actor, permission, d.placePath)) throw EmergencyErrors.EMERGENCY_NOT_FOUND();
  return activeDeclaration(tx, id);
}

/** The acting account, as a column referring to accounts (the system's own actor is none). */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);
export const nameOf = (ctx: Ctx): string => (isSystem(ctx.actor) ? '系统' : ctx.actor.name);

/** The active declarations over a place or above it (by path), the nearest first. */
export async function activeOver(db: Executor, streetId: string, placePath: string) {
  return declarations(db)
    .where('d.street_id', '=', streetId)
    .where('d.status', '=', 'active')
    .where(sql<boolean>`${placePath} like p.path || '%'`)
    .orderBy(sql`length(p.path)`, 'desc')
    .execute() as Promise<DeclarationRow[]>;
}

/**
 * Creates a declaration's screening with its checklist and one row per household under the place (the rooms with a
 * current household, from the registry's public face), in the caller's transaction. Answers the households' count.
 */
export async function createScreening(tx: Tx, ctx: Ctx, d: Pick<DeclarationRow, 'streetId' | 'id' | 'placePath' | 'placeKind'>, questions: readonly string[]): Promise<{ id: string; households: number }> {
  const exists = await tx.selectFrom('grid_emergency_screenings').select('id').where('street_id', '=', d.streetId).where('declaration_id', '=', d.id).executeTakeFirst();
  if (exists) throw EmergencyErrors.SCREENING_EXISTS();
  const rooms = await householdRoomsUnder(tx, d.placePath);
  if (!rooms.length) throw EmergencyErrors.SCREENING_NO_HOUSEHOLDS();
  const id = newId();
  await tx.insertInto('grid_emergency_screenings').values({ street_id: d.streetId, id, declaration_id: d.id, questions: [...questions], created_by: accountOf(ctx), created_at: ctx.kernel.clock.now() }).execute();
  // The rooms' buildings by their ids (householdRoomsUnder answers the buildings' names): the room's path names them.
  const paths = await tx
    .selectFrom('street_places as room')
    .innerJoin('street_places as b', (j) => j.on(sql<boolean>`b.id = any(string_to_array(trim(both '/' from room.path), '/')::uuid[])`).on('b.kind', '=', 'building'))
    .select(['room.id as roomId', 'b.id as buildingId'])
    .where('room.street_id', '=', d.streetId)
    .where('room.id', 'in', rooms.map((r) => r.roomId))
    .where('b.street_id', '=', d.streetId)
    .execute();
  const buildingOf = new Map(paths.map((p) => [p.roomId, p.buildingId]));
  const values = rooms
    .filter((r) => buildingOf.has(r.roomId))
    .map((r, i) => ({
      street_id: d.streetId,
      id: newId(),
      screening_id: id,
      room_id: r.roomId,
      building_id: buildingOf.get(r.roomId)!,
      building: d.placeKind === 'compound' ? r.building : `${r.compound} ${r.building}`,
      unit: r.unit,
      room: r.room,
      seq: i + 1,
    }));
  for (let i = 0; i < values.length; i += 2000) await tx.insertInto('grid_emergency_households').values(values.slice(i, i + 2000)).execute();
  return { id, households: values.length };
}

export interface HouseholdRow {
  streetId: string;
  id: string;
  screeningId: string;
  declarationId: string;
  buildingId: string;
  status: string;
  claimedBy: string | null;
  claimedName: string;
  claimedUntil: Date | null;
  questions: string[];
}

export async function householdById(db: Executor, id: string): Promise<HouseholdRow | undefined> {
  return db
    .selectFrom('grid_emergency_households as h')
    .innerJoin('grid_emergency_screenings as s', (j) => j.onRef('s.street_id', '=', 'h.street_id').onRef('s.id', '=', 'h.screening_id'))
    .select([
      'h.street_id as streetId',
      'h.id',
      'h.screening_id as screeningId',
      's.declaration_id as declarationId',
      'h.building_id as buildingId',
      'h.status',
      'h.claimed_by as claimedBy',
      'h.claimed_name as claimedName',
      'h.claimed_until as claimedUntil',
      's.questions',
    ])
    .where('h.id', '=', id)
    .executeTakeFirst();
}

/** Whether the account is assigned the household's building in its screening. */
export async function isAssigned(db: Executor, streetId: string, screeningId: string, buildingId: string, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('grid_emergency_assignments')
    .select('id')
    .where('street_id', '=', streetId)
    .where('screening_id', '=', screeningId)
    .where('building_id', '=', buildingId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return !!row;
}

/** 'HH:mm' in China of a moment. */
export const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
/** 'YYYY-MM-DD HH:mm' in China. */
export const chinaMinute = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');
