import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The device API's signature, shared by the server, the device simulator and the tests (no server dependencies).
 * A device signs every request with its key: HMAC-SHA256 over "METHOD\npath\ntimestamp\nnonce\nbody", hex, sent with
 * its key id, the timestamp (Unix milliseconds) and a one-time nonce. The server refuses a request signed more than
 * DEVICE_CLOCK_SKEW_MS away from its clock, and a nonce it has seen from the device (dev_nonces).
 */
/** The path devices post their events to (signed over this exact path). */
export const DEVICE_EVENTS_PATH = '/api/device/v1/events';
export const DEVICE_HEADERS = { key: 'x-gz-device-key', timestamp: 'x-gz-timestamp', nonce: 'x-gz-nonce', signature: 'x-gz-signature' } as const;
/** How far a request's timestamp may be from the server's clock, either way. */
export const DEVICE_CLOCK_SKEW_MS = 5 * 60_000;
/** Nonces are kept this long (past the window a replay is stale anyway). */
export const NONCE_KEEP_MS = 2 * DEVICE_CLOCK_SKEW_MS;
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const canonical = (method: string, path: string, timestamp: string, nonce: string, body: string) => `${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${body}`;

export const signDeviceRequest = (secret: string, method: string, path: string, timestamp: string, nonce: string, body: string) =>
  createHmac('sha256', secret).update(canonical(method, path, timestamp, nonce, body)).digest('hex');

/** The headers a device sends with `body` (a fresh nonce and the time `now`, unless given). */
export function deviceHeaders(device: { keyId: string; secret: string }, method: string, path: string, body: string, now = Date.now(), nonce = randomBytes(16).toString('hex')) {
  const timestamp = String(now);
  return {
    'content-type': 'application/json',
    [DEVICE_HEADERS.key]: device.keyId,
    [DEVICE_HEADERS.timestamp]: timestamp,
    [DEVICE_HEADERS.nonce]: nonce,
    [DEVICE_HEADERS.signature]: signDeviceRequest(device.secret, method, path, timestamp, nonce, body),
  };
}

/** The signature headers of a request, or null when one is missing or malformed. */
export function signatureHeaders(headers: Record<string, string | string[] | undefined>) {
  const one = (h: string) => (typeof headers[h] === 'string' ? (headers[h] as string) : null);
  const keyId = one(DEVICE_HEADERS.key);
  const timestamp = one(DEVICE_HEADERS.timestamp);
  const nonce = one(DEVICE_HEADERS.nonce);
  const signature = one(DEVICE_HEADERS.signature);
  if (!keyId || !timestamp || !nonce || !signature) return null;
  if (!/^[a-z0-9]{16,40}$/.test(keyId) || !/^\d{13}$/.test(timestamp) || !NONCE_PATTERN.test(nonce) || !/^[0-9a-f]{64}$/.test(signature)) return null;
  return { keyId, timestamp, nonce, signature };
}

/** Whether `signature` is the key's signature of the request, compared in constant time. */
export function signatureMatches(secret: string, method: string, path: string, h: { timestamp: string; nonce: string; signature: string }, body: string) {
  const expected = Buffer.from(signDeviceRequest(secret, method, path, h.timestamp, h.nonce, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(h.signature, 'hex'));
}
