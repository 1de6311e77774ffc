import { sql } from 'kysely';
import { findPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { roomsWithOwnershipOf } from '../../registry/index.ts';
import type { Executor } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { type FundPolicy, fundAllows } from '../fees.fund.policy.ts';

export type FundPlace = PlaceRow & { street_id: string };

/**
 * A place a staff member acts at for the fund: 404 when they may not read the fund there (a place outside their
 * scope looks like no place), 403 when they read but may not do `permission`. `kinds` narrows what it may be.
 */
export async function fundStaffPlace(ctx: Ctx, db: Executor, placeId: string, permission: keyof typeof FundPolicy, kinds: readonly PlaceRow['kind'][] = ['compound']): Promise<FundPlace> {
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !kinds.includes(place.kind) || !(fundAllows(ctx.actor, 'read', place.path) || fundAllows(ctx.actor, permission, place.path))) throw FeesErrors.PLACE_NOT_FOUND();
  if (!fundAllows(ctx.actor, permission, place.path)) throw CommonErrors.FORBIDDEN();
  return place as FundPlace;
}

/** A fund entry with its compound, for a staff member: 404 outside what they read, 403 without `permission`. */
export async function fundStaffEntry(ctx: Ctx, db: Executor, entryId: string, permission: keyof typeof FundPolicy) {
  const e = await db
    .selectFrom('fee_fund_entries as e')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'e.street_id').onRef('c.id', '=', 'e.compound_id'))
    .select(['e.street_id', 'e.id', 'e.serial', 'e.compound_id', 'e.kind', 'e.amount_fen', sql<string>`to_char(e.day, 'YYYY-MM-DD')`.as('day'), 'e.summary', 'c.path as compound_path', 'c.name as compound_name'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
  if (!e || !(fundAllows(ctx.actor, 'read', e.compound_path) || fundAllows(ctx.actor, permission, e.compound_path))) throw FeesErrors.FUND_ENTRY_NOT_FOUND();
  if (!fundAllows(ctx.actor, permission, e.compound_path)) throw CommonErrors.FORBIDDEN();
  return e;
}

/** A compound an owner reads the fund of, with the rooms they own there. */
export interface OwnedCompound {
  compoundId: string;
  streetId: string;
  name: string;
  roomIds: string[];
  roomLabels: Map<string, string>;
}

/**
 * The compounds whose fund the acting resident reads: those where they own or co-own a room now (the fund is
 * the owners' money, so tenants and family do not read it). Room-level lines are shown for these rooms only.
 */
export async function ownedCompounds(db: Executor, ctx: Ctx): Promise<OwnedCompound[]> {
  const personId = ctx.actor.personId;
  if (!personId) return [];
  const rooms = (await roomsWithOwnershipOf(db, personId)).filter((r) => r.owner);
  if (!rooms.length) return [];
  const ids = [...new Set(rooms.flatMap((r) => r.roomPath.split('/').filter(Boolean)))];
  const compounds = await db.selectFrom('street_places').select(['id', 'street_id', 'name']).where('kind', '=', 'compound').where('id', 'in', ids).execute();
  return compounds.map((c) => {
    const mine = rooms.filter((r) => r.roomPath.includes(`/${c.id}/`));
    return { compoundId: c.id, streetId: c.street_id, name: c.name, roomIds: mine.map((r) => r.roomId), roomLabels: new Map(mine.map((r) => [r.roomId, r.roomLabel])) };
  });
}
