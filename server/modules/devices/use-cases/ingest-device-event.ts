import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, type Tx } from '../devices.db.ts';
import { DeviceApiErrors } from '../devices.errors.ts';
import { DeviceEventBody, EVENTS_OF } from '../devices.ingest.schemas.ts';
import { DEVICE_CLOCK_SKEW_MS, signatureHeaders, signatureMatches } from '../devices.signature.ts';
import type { DeviceOnRecord, GateEvent, Identification } from './device-event.ts';
import { identifyAtGate } from './identify-at-gate.ts';
import { laneCounted } from './lane-counted.ts';
import { spaceSensed } from './space-sensed.ts';
import { vehicleMoved } from './vehicle-moved.ts';

/** What the device is answered: the gate opens on `admit`, and shows `result` and `reason` on its screen. */
export interface DeviceAnswer {
  eventId: string | null;
  admit?: boolean;
  result?: Identification['result'];
  reason?: string;
}

/** Devices by key id, with their keys decrypted: a request verifies without a query. Status is never cached. */
const cache = new Map<string, { device: DeviceOnRecord | null; until: number }>();
const CACHE_MS = 60_000;
/** Forgets a device's cached key (after re-keying): the next request reads it again. */
export const forgetDeviceKey = (keyId: string) => cache.delete(keyId);

async function deviceByKey(kernel: Kernel, keyId: string): Promise<DeviceOnRecord | null> {
  const hit = cache.get(keyId);
  if (hit && hit.until > Date.now()) return hit.device;
  const row = await read(kernel)
    .selectFrom('dev_devices')
    .select(['street_id', 'id', 'place_id', 'kind', 'name', 'secret_enc'])
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  const device = row ? { streetId: row.street_id, id: row.id, placeId: row.place_id, kind: row.kind, name: row.name, secret: kernel.pii.decrypt(row.secret_enc) } : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(keyId, { device, until: Date.now() + CACHE_MS });
  return device;
}

/**
 * One signed request of a device (POST /api/device/v1/events), proven before anything is read from its body:
 * the signature headers are there and well-formed (else 401 DEVICE_UNSIGNED), the key id names a device and the
 * signature over method, path, timestamp, nonce and the raw body is its key's (401 DEVICE_SIGNATURE_INVALID), the
 * timestamp is within ±5 minutes of the server's clock (401 DEVICE_STALE). Then, in one transaction: the nonce is
 * taken — only while the device is active, so a disabled device is refused at once (403 DEVICE_DISABLED) and a
 * replay finds it taken (409 DEVICE_REPLAYED) — and the event is recorded with what the platform made of it. A
 * refused request writes nothing. Device events are not audited one by one: the event row is the record (device,
 * signed nonce, time), and staff reads of them are audited (list-movements.ts).
 */
export async function ingestDeviceEvent(kernel: Kernel, req: { method: string; path: string; headers: Record<string, string | string[] | undefined>; rawBody: string }): Promise<DeviceAnswer> {
  const signed = signatureHeaders(req.headers);
  if (!signed) throw DeviceApiErrors.DEVICE_UNSIGNED();
  const device = await deviceByKey(kernel, signed.keyId);
  if (!device || !signatureMatches(device.secret, req.method, req.path, signed, req.rawBody)) throw DeviceApiErrors.DEVICE_SIGNATURE_INVALID();
  const now = kernel.clock.now();
  if (Math.abs(now.getTime() - Number(signed.timestamp)) > DEVICE_CLOCK_SKEW_MS) throw DeviceApiErrors.DEVICE_STALE();

  const event = parseEvent(req.rawBody, now);
  if (!EVENTS_OF[device.kind].includes(event.kind)) throw DeviceApiErrors.DEVICE_EVENT_KIND();
  const at = event.at ? new Date(event.at) : now;

  return kernel.db.transaction().execute(async (anyTx) => {
    const tx = anyTx as unknown as Tx;
    await takeNonce(tx, device, signed.keyId, signed.nonce, now);
    if (event.kind === 'heartbeat') return { eventId: null };
    const eventId = newId();
    const base = { street_id: device.streetId, id: eventId, place_id: device.placeId, device_id: device.id, kind: event.kind, occurred_at: at, received_at: now };
    if (event.kind === 'space') {
      if (!(await spaceSensed(tx, { streetId: device.streetId, placeId: device.placeId, deviceId: device.id, spaceNo: event.space, occupied: event.occupied, at }))) throw DeviceApiErrors.SPACE_UNKNOWN({ no: event.space });
      await tx.insertInto('dev_events').values({ ...base, direction: null, credential: null, credential_value: null, result: null, room_id: null, vehicle_id: null, card_id: null, pass_id: null, space_no: event.space, occupied: event.occupied, count: null }).execute();
      return { eventId };
    }
    if (event.kind === 'count') {
      await laneCounted(tx, { streetId: device.streetId, placeId: device.placeId, deviceId: device.id, direction: event.direction, count: event.count, at });
      await tx.insertInto('dev_events').values({ ...base, direction: event.direction, credential: null, credential_value: null, result: null, room_id: null, vehicle_id: null, card_id: null, pass_id: null, space_no: null, occupied: null, count: event.count }).execute();
      return { eventId };
    }
    // A person or a vehicle: a QR pass speaks for itself; else the card or the plate.
    const credential = event.qr !== undefined ? 'qr' : event.kind === 'person' ? 'card' : 'plate';
    const value = event.qr ?? (event.kind === 'person' ? event.card! : event.plate);
    const gate: GateEvent = { streetId: device.streetId, placeId: device.placeId, deviceId: device.id, eventId, kind: event.kind, direction: event.direction, credential, value, plate: event.kind === 'vehicle' ? event.plate : undefined, at };
    const who = await identifyAtGate(tx, deviceCtx(kernel, device), gate);
    await tx
      .insertInto('dev_events')
      .values({
        ...base,
        direction: event.direction,
        credential,
        credential_value: event.kind === 'vehicle' ? event.plate : value,
        result: who.result,
        reason: who.reason ?? '',
        room_id: who.roomId ?? null,
        vehicle_id: who.vehicleId ?? null,
        card_id: who.cardId ?? null,
        pass_id: who.passId ?? null,
        space_no: null,
        occupied: null,
        count: null,
      })
      .execute();
    if (event.kind === 'vehicle' && who.result !== 'refused') await vehicleMoved(tx, gate, who);
    return { eventId, admit: who.result !== 'refused', result: who.result, ...(who.reason ? { reason: who.reason } : {}) };
  });
}

/** The device acting, for what a hook records or sends (it holds no grant and is never asked for one). */
const deviceCtx = (kernel: Kernel, device: DeviceOnRecord): Ctx => ({ kernel, actor: { ...SYSTEM_ACTOR, name: `门禁设备 ${device.name}` } });

function parseEvent(rawBody: string, now: Date): DeviceEventBody {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw DeviceApiErrors.DEVICE_EVENT_INVALID({ reason: 'JSON' });
  }
  const parsed = DeviceEventBody.safeParse(json);
  if (!parsed.success) throw DeviceApiErrors.DEVICE_EVENT_INVALID({ reason: parsed.error.issues.map((i) => [i.path.join('.'), i.message].filter(Boolean).join(': ')).join('; ').slice(0, 200) });
  const at = parsed.data.at ? Date.parse(parsed.data.at) : now.getTime();
  // A device may buffer events while offline (a day at most); none may come from the future.
  if (at > now.getTime() + DEVICE_CLOCK_SKEW_MS || at < now.getTime() - 24 * 3_600_000) throw DeviceApiErrors.DEVICE_EVENT_INVALID({ reason: 'at' });
  return parsed.data;
}

/**
 * Takes the request's nonce, only while the device is active and still has the key the request was signed with
 * (both read in this transaction, so a device disabled or re-keyed a moment ago — even where another process still
 * caches its old key — is refused now), and notes when the device was last heard from (at most every 30 s:
 * a busy gate does not rewrite its row on every request).
 */
async function takeNonce(tx: Tx, device: DeviceOnRecord, keyId: string, nonce: string, now: Date) {
  const taken = await sql<{ ok: number }>`
    insert into dev_nonces (street_id, device_id, nonce, seen_at)
    select d.street_id, d.id, ${nonce}, ${now} from dev_devices d where d.street_id = ${device.streetId} and d.id = ${device.id} and d.key_id = ${keyId} and d.status = 'active'
    on conflict do nothing
    returning 1 as ok`.execute(tx);
  if (taken.rows.length === 0) {
    const row = await tx.selectFrom('dev_devices').select(['status', 'key_id']).where('street_id', '=', device.streetId).where('id', '=', device.id).executeTakeFirst();
    // Re-keyed since this process cached the key: the old key is refused at once in every process.
    if (!row || row.key_id !== keyId) throw DeviceApiErrors.DEVICE_SIGNATURE_INVALID();
    throw row.status === 'active' ? DeviceApiErrors.DEVICE_REPLAYED() : DeviceApiErrors.DEVICE_DISABLED();
  }
  // A busy gate skips the round trip: this process wrote its last_seen_at less than LAST_SEEN_EVERY_MS ago.
  if (now.getTime() - (lastSeenWritten.get(device.id) ?? 0) < LAST_SEEN_EVERY_MS) return;
  await tx
    .updateTable('dev_devices')
    .set({ last_seen_at: now })
    .where('street_id', '=', device.streetId)
    .where('id', '=', device.id)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', new Date(now.getTime() - LAST_SEEN_EVERY_MS))]))
    .execute();
  if (lastSeenWritten.size > 10_000) lastSeenWritten.clear();
  lastSeenWritten.set(device.id, now.getTime());
}

/** How often a device's last_seen_at is rewritten at most (its online state is minutes-grained). */
const LAST_SEEN_EVERY_MS = 30_000;
const lastSeenWritten = new Map<string, number>();
