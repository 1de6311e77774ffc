import type { Ctx } from '../../../kernel/context.ts';
import { roomsWithOwnershipOf } from '../../registry/index.ts';
import type { Executor } from '../fees.db.ts';

export interface PayerRoom {
  roomId: string;
  streetId: string;
  roomPath: string;
  /** "阳光花园 / 1栋 / 1单元 / 1201". */
  roomLabel: string;
  /** Owner or co-owner of record; false: a tenant (or family) the owners authorised to pay. */
  owner: boolean;
}

/**
 * The rooms whose bills the acting resident sees and pays: the rooms they own or co-own now (co-owners see the
 * same bills), and the rooms where an owner authorised them to pay (fee_tenant_payers, not revoked). Everyone else
 * — a tenant without authorisation, family — sees no bill of the room. Developer bills are staff-only.
 */
export async function payerRooms(db: Executor, ctx: Ctx): Promise<PayerRoom[]> {
  const personId = ctx.actor.personId;
  if (!personId) return [];
  const rooms = await roomsWithOwnershipOf(db, personId);
  const notOwned = rooms.filter((r) => !r.owner);
  const authorised = notOwned.length
    ? new Set(
        (
          await db
            .selectFrom('fee_tenant_payers')
            .select('room_id')
            .where('person_id', '=', personId)
            .where('revoked_at', 'is', null)
            .where('room_id', 'in', notOwned.map((r) => r.roomId))
            .execute()
        ).map((r) => r.room_id),
      )
    : new Set<string>();
  return rooms.filter((r) => r.owner || authorised.has(r.roomId)).map((r) => ({ roomId: r.roomId, streetId: r.streetId, roomPath: r.roomPath, roomLabel: r.roomLabel, owner: r.owner }));
}
