import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import type { Tx } from '../devices.db.ts';
import { GATE_REASONS } from '../devices.visitors.constants.ts';
import type { GateEvent, Identification } from './device-event.ts';

const chinaMinute = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Who is at the gate, in the ingest's transaction (`ctx`: the device acting).
 * - A QR pass (a person at a gate, or a vehicle at a barrier showing one) is looked up by its code in the device's
 *   street: unknown or of another compound → refused (通行码无效); cancelled → refused (通行证已取消); before its
 *   window → refused (未到通行时间); after it → refused (通行证已过期); else a visitor (the window's ends admitted).
 * - A card: an active card of THIS compound → a resident (its room); else unknown (未登记门禁卡), marked, not refused.
 * - A plate: an approved vehicle of this compound → a resident; else an active pass of this compound for that
 *   plate whose window holds the moment → a visitor; else unknown (未登记车辆).
 * A visitor's first arrival ('in') sets the pass's arrived_at and tells the host (inbox and WeChat); later entries
 * within the window are admitted without telling again. A visitor's 'out' sets left_at.
 */
export async function identifyAtGate(tx: Tx, ctx: Ctx, event: GateEvent): Promise<Identification> {
  if (event.credential === 'qr') {
    const pass = await tx.selectFrom('dev_passes').selectAll().where('street_id', '=', event.streetId).where('code', '=', event.value).executeTakeFirst();
    if (!pass || pass.place_id !== event.placeId) return { result: 'refused', reason: GATE_REASONS.invalidPass };
    if (pass.status === 'cancelled') return { result: 'refused', reason: GATE_REASONS.cancelledPass, passId: pass.id, roomId: pass.room_id };
    if (event.at < pass.valid_from) return { result: 'refused', reason: GATE_REASONS.earlyPass, passId: pass.id, roomId: pass.room_id };
    if (event.at > pass.valid_to) return { result: 'refused', reason: GATE_REASONS.expiredPass, passId: pass.id, roomId: pass.room_id };
    await passUsed(tx, ctx, event, pass.id);
    return { result: 'visitor', passId: pass.id, roomId: pass.room_id };
  }
  if (event.credential === 'card') {
    const card = await tx
      .selectFrom('dev_cards')
      .select(['id', 'room_id'])
      .where('street_id', '=', event.streetId)
      .where('place_id', '=', event.placeId)
      .where('card_no', '=', event.value)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return card ? { result: 'resident', roomId: card.room_id, cardId: card.id } : { result: 'unknown', reason: GATE_REASONS.unknownCard };
  }
  const vehicle = await tx
    .selectFrom('dev_vehicles')
    .select(['id', 'room_id'])
    .where('street_id', '=', event.streetId)
    .where('place_id', '=', event.placeId)
    .where('plate', '=', event.value)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  if (vehicle) return { result: 'resident', roomId: vehicle.room_id, vehicleId: vehicle.id };
  const pass = await tx
    .selectFrom('dev_passes')
    .select(['id', 'room_id'])
    .where('street_id', '=', event.streetId)
    .where('place_id', '=', event.placeId)
    .where('plate', '=', event.value)
    .where('status', '=', 'active')
    .where('valid_from', '<=', event.at)
    .where('valid_to', '>=', event.at)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!pass) return { result: 'unknown', reason: GATE_REASONS.unknownVehicle };
  await passUsed(tx, ctx, event, pass.id);
  return { result: 'visitor', passId: pass.id, roomId: pass.room_id };
}

/** A visitor came in (the first arrival tells the host) or went out. The row is locked: two gates at once tell once. */
async function passUsed(tx: Tx, ctx: Ctx, event: GateEvent, passId: string) {
  if (event.direction === 'out') {
    await tx.updateTable('dev_passes').set({ left_at: event.at }).where('street_id', '=', event.streetId).where('id', '=', passId).execute();
    return;
  }
  const first = await tx
    .updateTable('dev_passes')
    .set({ arrived_at: event.at })
    .where('street_id', '=', event.streetId)
    .where('id', '=', passId)
    .where('arrived_at', 'is', null)
    .returning(['host_account_id', 'visitor_name', 'place_id'])
    .executeTakeFirst();
  if (!first) return;
  const names = await tx
    .selectFrom('street_places as c')
    .innerJoin('dev_devices as d', (j) => j.on('d.street_id', '=', event.streetId).on('d.id', '=', event.deviceId))
    .select(['c.name as compound', 'd.name as gate'])
    .where('c.id', '=', first.place_id)
    .executeTakeFirstOrThrow();
  await notify(tx, ctx, {
    template: 'devices.visitors.arrived',
    placeId: first.place_id,
    to: { accounts: [first.host_account_id] },
    data: { name: first.visitor_name, compound: names.compound, gate: names.gate, at: chinaMinute(event.at), passId },
    subject: { type: 'dev_pass', id: passId },
  });
}
