import { randomBytes } from 'node:crypto';

/**
 * Cryptographically random bytes from a pool refilled 16 KiB at a time. One `randomBytes` call per
 * ID or IV costs a system call each: a city-scale import makes a million of them.
 * Each call returns fresh bytes (a view of a pool that is replaced, never rewritten).
 */
const POOL_SIZE = 16 * 1024;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_SIZE) return randomBytes(n);
  if (offset + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + n);
  offset += n;
  return bytes;
}
