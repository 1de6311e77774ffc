import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { GatesErrors } from '../devices.gates.errors.ts';
import type { DisableDeviceBody } from '../devices.gates.schemas.ts';
import { deviceFor } from './gates-access.ts';

/**
 * Disables a device with a reason (manageDevices over its compound): its very next request is refused — the ingest
 * takes a nonce only while the device's row says active, read in the request's own transaction. Audited.
 */
export async function disableDevice(ctx: Ctx, id: string, body: DisableDeviceBody): Promise<{ id: string; status: 'disabled' }> {
  return write(ctx, async (tx) => {
    const device = await deviceFor(tx, ctx.actor, id, 'manageDevices');
    const done = await tx
      .updateTable('dev_devices')
      .set({ status: 'disabled', disabled_reason: body.reason, disabled_at: ctx.kernel.clock.now() })
      .where('street_id', '=', device.street_id)
      .where('id', '=', device.id)
      .where('status', '=', 'active')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw GatesErrors.DEVICE_ALREADY_DISABLED();
    await audit(tx, ctx, { action: 'devices.gates.device_disabled', placeId: device.place_id, subjectType: 'dev_device', subjectId: device.id, before: { status: 'active' }, after: { status: 'disabled', reason: body.reason }, detail: { name: device.name, reason: body.reason } });
    return { id: device.id, status: 'disabled' as const };
  });
}
