import { randomBytes } from 'node:crypto';
import { DEVICE_EVENTS_PATH, deviceHeaders } from './devices.signature.ts';

/**
 * The device simulator's library (issue 26 §7): builds the signed requests a device sends — a gate's person in or
 * out by card or QR pass, a barrier's vehicle by plate (and a pass), a sensor's space occupied or free, a counter's
 * vehicles through a lane, a heartbeat — and sends them over HTTP. No server dependencies: the CLI
 * (cli/device-simulator.ts), the demo's traffic seed, the bench and the tests all use it.
 */
export { DEVICE_EVENTS_PATH };

export interface SimDevice {
  keyId: string;
  secret: string;
}

export type SimEvent =
  | { kind: 'person'; direction: 'in' | 'out'; card?: string; qr?: string; at?: string }
  | { kind: 'vehicle'; direction: 'in' | 'out'; plate: string; qr?: string; at?: string }
  | { kind: 'space'; space: string; occupied: boolean; at?: string }
  | { kind: 'count'; direction: 'in' | 'out'; count: number; at?: string }
  | { kind: 'heartbeat'; at?: string };

/** A request ready to send: the exact body bytes the signature covers, and its headers. */
export interface SignedRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Signs one event of `device` at `nowMs` (the device's clock), with a fresh nonce unless given. */
export function signedEvent(device: SimDevice, event: SimEvent, nowMs = Date.now(), nonce = randomBytes(16).toString('hex')): SignedRequest {
  const body = JSON.stringify(event);
  return { method: 'POST', path: DEVICE_EVENTS_PATH, headers: deviceHeaders(device, 'POST', DEVICE_EVENTS_PATH, body, nowMs, nonce), body };
}

export const personIn = (credential: { card: string } | { qr: string }, at?: Date): SimEvent => ({ kind: 'person', direction: 'in', ...credential, ...(at ? { at: at.toISOString() } : {}) });
export const personOut = (credential: { card: string } | { qr: string }, at?: Date): SimEvent => ({ kind: 'person', direction: 'out', ...credential, ...(at ? { at: at.toISOString() } : {}) });
export const vehicleIn = (plate: string, qr?: string, at?: Date): SimEvent => ({ kind: 'vehicle', direction: 'in', plate, ...(qr ? { qr } : {}), ...(at ? { at: at.toISOString() } : {}) });
export const vehicleOut = (plate: string, qr?: string, at?: Date): SimEvent => ({ kind: 'vehicle', direction: 'out', plate, ...(qr ? { qr } : {}), ...(at ? { at: at.toISOString() } : {}) });
export const spaceSensed = (space: string, occupied: boolean, at?: Date): SimEvent => ({ kind: 'space', space, occupied, ...(at ? { at: at.toISOString() } : {}) });
export const laneCount = (direction: 'in' | 'out', count: number, at?: Date): SimEvent => ({ kind: 'count', direction, count, ...(at ? { at: at.toISOString() } : {}) });
export const heartbeat = (at?: Date): SimEvent => ({ kind: 'heartbeat', ...(at ? { at: at.toISOString() } : {}) });

/** Sends a signed request to the platform at `baseUrl`; answers the status and the JSON (or text) body. */
export async function send(baseUrl: string, req: SignedRequest): Promise<{ status: number; body: unknown }> {
  const res = await fetch(new URL(req.path, baseUrl), { method: req.method, headers: req.headers, body: req.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text as it came
  }
  return { status: res.status, body };
}

/** Plates of the demo's unknown cars (not residents', no pass). */
export const STRANGE_PLATES = ['浙A7K3M9', '沪B52X18', '苏E8G6Q2', '浙D2R7T5', '皖A3L9P6', '浙C61W88', '赣B7N4H3'];
/** A random card number (upper-case hex, 8 digits), unknown to any compound. */
export const randomCard = () => randomBytes(4).toString('hex').toUpperCase();
