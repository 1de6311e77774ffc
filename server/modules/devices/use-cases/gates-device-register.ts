import { randomBytes } from 'node:crypto';
import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../devices.db.ts';
import type { RegisterDeviceBody } from '../devices.gates.schemas.ts';
import type { DeviceKind } from '../devices.tables.ts';
import { compoundFor } from './gates-access.ts';

/** A device's new key: its id (32 lower-case hex, 128 random bits) names it in the API; the secret (32 random bytes, base64url) signs. */
export const newDeviceKey = () => ({ keyId: randomBytes(16).toString('hex'), secret: randomBytes(32).toString('base64url') });

/** What registering (or re-keying) answers: the secret, this once — the platform keeps it only encrypted. */
export interface DeviceKeyAnswer {
  id: string;
  keyId: string;
  secret: string;
  kind: DeviceKind;
  name: string;
}

/**
 * Registers a device at a compound (manageDevices over it): the server makes its key id and secret, keeps the
 * secret encrypted (kernel pii) and answers it once. Audited with the device's name and kind — never the secret.
 */
export async function registerDevice(ctx: Ctx, body: RegisterDeviceBody): Promise<DeviceKeyAnswer> {
  return write(ctx, async (tx) => {
    const place = await compoundFor(tx, ctx.actor, body.placeId, 'manageDevices');
    const id = newId();
    const key = newDeviceKey();
    await tx
      .insertInto('dev_devices')
      .values({
        street_id: place.street_id,
        id,
        place_id: place.id,
        kind: body.kind,
        name: body.name,
        location: body.location,
        key_id: key.keyId,
        secret_enc: ctx.kernel.pii.encrypt(key.secret),
        disabled_at: null,
        last_seen_at: null,
        offline_alerted_at: null,
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'devices.gates.device_registered', placeId: place.id, subjectType: 'dev_device', subjectId: id, after: { kind: body.kind, name: body.name, location: body.location, keyId: key.keyId }, detail: { kind: body.kind, name: body.name } });
    return { id, keyId: key.keyId, secret: key.secret, kind: body.kind, name: body.name };
  });
}
