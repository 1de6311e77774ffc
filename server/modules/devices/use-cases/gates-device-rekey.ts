import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { deviceFor } from './gates-access.ts';
import { type DeviceKeyAnswer, newDeviceKey } from './gates-device-register.ts';
import { forgetDeviceKey } from './ingest-device-event.ts';

/**
 * Gives a device a new key (manageDevices over its compound): a new key id and secret, answered once; the old key
 * stops working at once (this process forgets its cached key; the key id changes, so no process finds the old one).
 * Audited with the old and new key ids — never a secret.
 */
export async function rekeyDevice(ctx: Ctx, id: string): Promise<DeviceKeyAnswer> {
  const answer = await write(ctx, async (tx) => {
    const device = await deviceFor(tx, ctx.actor, id, 'manageDevices');
    const key = newDeviceKey();
    await tx.updateTable('dev_devices').set({ key_id: key.keyId, secret_enc: ctx.kernel.pii.encrypt(key.secret) }).where('street_id', '=', device.street_id).where('id', '=', device.id).execute();
    await audit(tx, ctx, { action: 'devices.gates.device_rekeyed', placeId: device.place_id, subjectType: 'dev_device', subjectId: device.id, before: { keyId: device.key_id }, after: { keyId: key.keyId }, detail: { name: device.name, oldKeyId: device.key_id, keyId: key.keyId } });
    return { old: device.key_id, answer: { id: device.id, keyId: key.keyId, secret: key.secret, kind: device.kind, name: device.name } };
  });
  forgetDeviceKey(answer.old);
  return answer.answer;
}
