import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { currentMembersOfRoom } from '../../registry/index.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { payerRooms } from './payer-access.ts';

/** A room the acting resident owns (or co-owns) now; 404 otherwise. */
async function ownedRoom(ctx: Ctx, roomId: string) {
  const room = (await payerRooms(read(ctx), ctx)).find((r) => r.roomId === roomId && r.owner);
  if (!room) throw FeesErrors.NOT_AN_OWNER();
  return room;
}

/** The people of the room an owner may authorise to pay (tenants and family, now), and who is authorised. */
export async function roomPayers(ctx: Ctx, roomId: string) {
  const room = await ownedRoom(ctx, roomId);
  const [members, granted] = await Promise.all([
    currentMembersOfRoom(ctx.kernel.db, roomId),
    read(ctx).selectFrom('fee_tenant_payers').select(['id', 'person_id', 'granted_at']).where('street_id', '=', room.streetId).where('room_id', '=', roomId).where('revoked_at', 'is', null).execute(),
  ]);
  const byPerson = new Map(granted.map((g) => [g.person_id, g]));
  return {
    roomId,
    roomLabel: room.roomLabel,
    candidates: members
      .filter((m) => !m.relations.includes('owner') && !m.relations.includes('co_owner'))
      .map((m) => ({ personId: m.personId, name: m.name, relations: m.relations, authorisationId: byPerson.get(m.personId)?.id ?? null, grantedAt: byPerson.get(m.personId)?.granted_at ?? null })),
  };
}

/**
 * An owner authorises a current tenant or family member of the room to see and pay its bills (payer-access.ts).
 * Authorising someone already authorised changes nothing and answers their authorisation.
 */
export async function authoriseTenant(ctx: Ctx, input: { roomId: string; personId: string }) {
  const room = await ownedRoom(ctx, input.roomId);
  const member = (await currentMembersOfRoom(ctx.kernel.db, input.roomId)).find((m) => m.personId === input.personId);
  if (!member || member.relations.includes('owner') || member.relations.includes('co_owner')) throw FeesErrors.NOT_A_MEMBER();
  const id = newId();
  return write(ctx, async (tx) => {
    const inserted = await tx
      .insertInto('fee_tenant_payers')
      .values({ street_id: room.streetId, id, room_id: input.roomId, person_id: input.personId, granted_by: ctx.actor.accountId, granted_at: ctx.kernel.clock.now(), revoked_at: null })
      .onConflict((oc) => oc.columns(['street_id', 'room_id', 'person_id']).where('revoked_at', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    const current = inserted ?? (await tx.selectFrom('fee_tenant_payers').select('id').where('street_id', '=', room.streetId).where('room_id', '=', input.roomId).where('person_id', '=', input.personId).where('revoked_at', 'is', null).executeTakeFirstOrThrow());
    await audit(tx, ctx, { action: 'fees.tenant_payer.granted', placeId: input.roomId, subjectType: 'fee_tenant_payer', subjectId: current.id, detail: { already: !inserted } });
    return { id: current.id };
  });
}

/** The owner revokes an authorisation: the tenant no longer sees or pays the room's bills. */
export async function revokeTenant(ctx: Ctx, authorisationId: string) {
  const row = await read(ctx).selectFrom('fee_tenant_payers').selectAll().where('id', '=', authorisationId).where('revoked_at', 'is', null).executeTakeFirst();
  const owns = row && (await payerRooms(read(ctx), ctx)).some((r) => r.roomId === row.room_id && r.owner);
  if (!row || !owns) throw FeesErrors.TENANT_PAYER_NOT_FOUND();
  await write(ctx, async (tx) => {
    await tx.updateTable('fee_tenant_payers').set({ revoked_at: ctx.kernel.clock.now() }).where('street_id', '=', row.street_id).where('id', '=', row.id).execute();
    await audit(tx, ctx, { action: 'fees.tenant_payer.revoked', placeId: row.room_id, subjectType: 'fee_tenant_payer', subjectId: row.id });
  });
  return { id: row.id };
}
