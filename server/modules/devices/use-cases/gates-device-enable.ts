import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { GatesErrors } from '../devices.gates.errors.ts';
import { deviceFor } from './gates-access.ts';

/** Enables a disabled device again (manageDevices over its compound), with the same key. Audited. */
export async function enableDevice(ctx: Ctx, id: string): Promise<{ id: string; status: 'active' }> {
  return write(ctx, async (tx) => {
    const device = await deviceFor(tx, ctx.actor, id, 'manageDevices');
    const done = await tx
      .updateTable('dev_devices')
      .set({ status: 'active', disabled_reason: '', disabled_at: null })
      .where('street_id', '=', device.street_id)
      .where('id', '=', device.id)
      .where('status', '=', 'disabled')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw GatesErrors.DEVICE_ALREADY_ACTIVE();
    await audit(tx, ctx, { action: 'devices.gates.device_enabled', placeId: device.place_id, subjectType: 'dev_device', subjectId: device.id, before: { status: 'disabled', reason: device.disabled_reason }, after: { status: 'active' } });
    return { id: device.id, status: 'active' as const };
  });
}
