import { timingSafeEqual } from 'node:crypto';
import type { Pii } from '../../../kernel/pii/pii.ts';

/**
 * A one-time code at rest: the kernel's keyed hash (HMAC) of the code bound to its row, so a copy of
 * the table gives nothing to try offline and one row's hash says nothing about another's.
 */
export const otpHash = (pii: Pii, otpId: string, code: string) => pii.hash(`otp:${otpId}:${code}`);

export function otpMatches(pii: Pii, otpId: string, code: string, stored: string): boolean {
  const a = Buffer.from(otpHash(pii, otpId, code));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
