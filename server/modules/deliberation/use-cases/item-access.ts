import { sql } from 'kysely';
import { type Actor, isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { ResidentRoom } from '../../registry/index.ts';
import type { ItemStage } from '../deliberation.constants.ts';
import type { Executor, Tx } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows } from '../deliberation.policy.ts';
import { insertEvent, type ItemRow, lockItem, settingsFor } from '../deliberation.repository.ts';
import { householdsUnder } from './resident-access.ts';
import { moveItem } from './move-item.ts';

/** Who may act on items, and the bookkeeping of supporters, shared by the items' use cases (stages 1–3). */

/** Stages at which households may still add their support. */
export const SUPPORTABLE: readonly ItemStage[] = ['collecting', 'agenda', 'consulting'];
/** Stages from which stage 2 may merge or reject an item. */
export const BEFORE_AGENDA_DECISION: readonly ItemStage[] = ['collecting', 'agenda'];
/** Places an item may be at: its supporters are the households under it. */
export const ITEM_PLACE_KINDS = ['compound', 'community', 'street'] as const;

/** The item with its place, unlocked (for reads). */
export function loadItem(db: Executor, id: string): Promise<ItemRow | undefined> {
  return db
    .selectFrom('dlb_items as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .selectAll('i')
    .select(['p.path as place_path', 'p.name as place_name', 'p.kind as place_kind'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** The item for an official who may read it (locked in a transaction); one outside their places is not found. */
export async function itemForStaff(db: Executor, actor: Actor, id: string, lock: boolean): Promise<ItemRow> {
  const item = lock ? await lockItem(db, id) : await loadItem(db, id);
  if (!item || !allows(actor, 'read', item.place_path)) throw DeliberationErrors.ITEM_NOT_FOUND();
  return item;
}

/** What an official may do with the item now: the UI shows these and nothing else. */
export function staffCan(actor: Actor, item: Pick<ItemRow, 'stage' | 'place_path'>) {
  const setAgenda = allows(actor, 'setAgenda', item.place_path);
  return {
    accept: setAgenda && item.stage === 'agenda',
    merge: setAgenda && BEFORE_AGENDA_DECISION.includes(item.stage),
    reject: setAgenda && BEFORE_AGENDA_DECISION.includes(item.stage),
    consult: allows(actor, 'consult', item.place_path) && item.stage === 'consulting',
    configure: allows(actor, 'configure', item.place_path),
  };
}

/**
 * A resident's view of an item: their households under its place and which of them support it. An item they
 * have no household under, or one kept off the public record, is not found for them.
 */
export async function itemForResident(db: Executor, actor: Actor, item: ItemRow | undefined) {
  if (!item || !item.is_public) throw DeliberationErrors.ITEM_NOT_FOUND();
  const rooms = await householdsUnder(db, actor, item.place_path);
  if (!rooms.length) throw DeliberationErrors.ITEM_NOT_FOUND();
  const supporting = await db
    .selectFrom('dlb_supporters')
    .select('room_id')
    .where('street_id', '=', item.street_id)
    .where('item_id', '=', item.id)
    .where('room_id', 'in', rooms.map((r) => r.roomId))
    .execute();
  const supported = new Set(supporting.map((s) => s.room_id));
  const unsupported = rooms.filter((r) => !supported.has(r.roomId));
  return { rooms, supported: supported.size > 0, unsupported, canSupport: SUPPORTABLE.includes(item.stage) && unsupported.length > 0 };
}

/**
 * Adds households as supporters (one row per room: a household already counted stays as it was) and keeps the
 * item's count equal to its rows. Returns the new count and how many households were added.
 */
export async function addSupporters(
  tx: Tx,
  item: Pick<ItemRow, 'street_id' | 'id'>,
  rows: { roomId: string; accountId: string | null }[],
  via: 'direct' | 'opinion' | 'merge',
  at: Date,
): Promise<{ count: number; added: number }> {
  let added = 0;
  if (rows.length) {
    const inserted = await tx
      .insertInto('dlb_supporters')
      .values(rows.map((r) => ({ street_id: item.street_id, item_id: item.id, room_id: r.roomId, account_id: r.accountId, via, created_at: at })))
      .onConflict((oc) => oc.columns(['street_id', 'item_id', 'room_id']).doNothing())
      .returning('room_id')
      .execute();
    added = inserted.length;
  }
  return { count: await recountSupporters(tx, item), added };
}

/** Sets the item's supporter count from its rows (households counted once). */
export async function recountSupporters(tx: Tx, item: Pick<ItemRow, 'street_id' | 'id'>): Promise<number> {
  const row = await tx
    .updateTable('dlb_items')
    .set({ supporter_count: sql<number>`(select count(*)::int from dlb_supporters s where s.street_id = ${item.street_id} and s.item_id = ${item.id})` })
    .where('street_id', '=', item.street_id)
    .where('id', '=', item.id)
    .returning('supporter_count')
    .executeTakeFirstOrThrow();
  return row.supporter_count;
}

/**
 * A residents' proposal whose supporting households reached the place's threshold goes onto the stage-2 list by
 * itself — to 'agenda', never past it (issue 17 §1).
 */
export async function listIfSupported(tx: Tx, ctx: Ctx, item: ItemRow, count: number): Promise<boolean> {
  if (item.stage !== 'collecting') return false;
  const { supportThreshold } = await settingsFor(tx, item.street_id, item.place_path);
  if (count < supportThreshold) return false;
  await moveItem(tx, ctx, item, {
    to: 'agenda',
    kind: 'listed',
    note: `联名户数达到 ${supportThreshold} 户`,
    detail: { supporters: count, threshold: supportThreshold },
    patch: { listed_at: ctx.kernel.clock.now() },
  });
  return true;
}

/** The first line of a new item's timeline. */
export function recordCreation(tx: Tx, ctx: Ctx, item: { streetId: string; id: string; stage: ItemStage; kind: string; note?: string; detail?: Record<string, unknown> }) {
  return insertEvent(tx, {
    streetId: item.streetId,
    itemId: item.id,
    at: ctx.kernel.clock.now(),
    actorId: isSystem(ctx.actor) ? null : ctx.actor.accountId,
    actorName: isSystem(ctx.actor) ? '系统' : ctx.actor.name,
    kind: item.kind,
    from: null,
    to: item.stage,
    note: item.note,
    detail: item.detail,
  });
}

/** Those of a person's rooms that lie under a place (its households there). */
export function roomsUnderPlace(rooms: ResidentRoom[], placePath: string) {
  return rooms.filter((r) => r.roomPath.startsWith(placePath));
}
