import { createHmac, randomBytes } from 'node:crypto';
import { CODE_WINDOW_MS } from '../volunteers.activities.constants.ts';

export type CheckMode = 'in' | 'out';

/** A new activity's code secret: 32 random bytes, hex. It never leaves the server. */
export const newCodeSecret = () => randomBytes(32).toString('hex');

/** The number of the 30-second window an instant falls in. */
export const windowOf = (at: Date) => Math.floor(at.getTime() / CODE_WINDOW_MS);

/**
 * The 6-digit code of an activity for a mode (签到 or 签退) in a window: HMAC-SHA256(secret, "mode:window"), its first
 * four bytes as a number, modulo a million (dynamic truncation is not needed: the secret is never shown).
 */
export function codeAt(secret: string, mode: CheckMode, window: number): string {
  const mac = createHmac('sha256', secret).update(`${mode}:${window}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/**
 * What a typed code is for an activity at `now`: the mode it opens when it is the code of the current window or the
 * one before; 'expired' when it was the code of a window up to ten minutes older (a photographed code); else null.
 */
export function matchCode(secret: string, code: string, now: Date): { mode: CheckMode } | 'expired' | null {
  const w = windowOf(now);
  for (const mode of ['in', 'out'] as const) if (codeAt(secret, mode, w) === code || codeAt(secret, mode, w - 1) === code) return { mode };
  const older = Math.ceil(600_000 / CODE_WINDOW_MS);
  for (let back = 2; back <= older; back++) for (const mode of ['in', 'out'] as const) if (codeAt(secret, mode, w - back) === code) return 'expired';
  return null;
}
