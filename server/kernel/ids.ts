import { v7 } from 'uuid';
import { pooledRandomBytes } from './random.ts';

// uuid's own v7 keeps IDs made in the same millisecond in order, but only when it draws its own
// randomness (one system call per ID); with pooled bytes we keep that order ourselves, as uuid does.
const state = { msecs: -Infinity, seq: 0 };

/** Time-ordered UUIDv7: sortable, safe to expose, spreads well when a city shards by place. */
export function newId(): string {
  const random = pooledRandomBytes(16);
  const now = Date.now();
  if (now > state.msecs) {
    state.msecs = now;
    // A random 31-bit start for the in-millisecond counter (as RFC 9562 method 3, like uuid).
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return v7({ random, msecs: state.msecs, seq: state.seq });
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
